using System.Text.Json;
using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Application.Timeline;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Calendars;

/// <summary>
/// The <c>calendar.sync</c> job. For now it records that a sync was asked for (activity
/// <c>calendar.sync_requested</c>); fetching and reconciling the feed is the bookings issue's work.
/// </summary>
public sealed class CalendarSyncJob(IKasifyDb db, ActivityLog log) : IOutboxJobHandler
{
    public string Kind => CalendarSyncRequest.Kind;

    public async Task HandleAsync(string payload, CancellationToken ct)
    {
        var request = JsonSerializer.Deserialize<CalendarSyncRequest>(payload)
                      ?? throw new PermanentJobFailureException("Empty calendar sync payload.");
        var calendar = await db.PropertyCalendars
            .Where(c => c.PropertyId == request.PropertyId && c.Channel == request.Channel)
            .Join(db.Properties, c => c.PropertyId, p => p.Id, (c, p) => new { c.Id, PropertyName = p.Name })
            .SingleOrDefaultAsync(ct);
        if (calendar is null) return; // removed since: nothing to do

        await log.WriteAsync("calendar.sync_requested", $"{request.Channel} calendar sync requested", "calendar",
            calendar.Id, request.PropertyId, calendar.PropertyName, ct);
    }
}
