using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Domain.Crew;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Calendars;

/// <summary>POST /properties/{id}/calendars/sync: queues a sync of every calendar of the property now (owner, manager).</summary>
[PropertyScope(AccessLevel.Owner, AccessLevel.Manager)]
public sealed class SyncPropertyCalendarsHandler(IKasifyDb db, IOutbox outbox)
{
    public async Task<int> HandleAsync(Guid propertyId, CancellationToken ct)
    {
        var channels = await db.PropertyCalendars.Where(c => c.PropertyId == propertyId).Select(c => c.Channel).ToListAsync(ct);
        foreach (var channel in channels)
        {
            var request = new CalendarSyncRequest(propertyId, channel);
            await outbox.EnqueueAsync(CalendarSyncRequest.Kind, request, propertyId: propertyId, dedupKey: request.DedupKey, ct: ct);
        }
        await db.SaveChangesAsync(ct);
        return channels.Count;
    }
}
