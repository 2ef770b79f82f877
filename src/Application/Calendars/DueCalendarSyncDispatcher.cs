using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Calendars;

/// <summary>
/// The one recurring scheduler of calendar syncs (every minute): every calendar whose <c>NextSyncAt</c> has passed gets
/// a <c>calendar.sync</c> outbox row, in batches, and its next due time moves one interval ahead. Scales with an index
/// on <c>NextSyncAt</c> instead of one recurring job per calendar.
/// </summary>
public sealed class DueCalendarSyncDispatcher(IKasifyDb db, IOutbox outbox, TimeProvider time)
{
    public const string RecurringJobId = "calendar-sync-dispatcher";
    private const int BatchSize = 500;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var queued = 0;
        while (true)
        {
            var due = await db.PropertyCalendars.Where(c => c.NextSyncAt == null || c.NextSyncAt <= now)
                .OrderBy(c => c.NextSyncAt).Take(BatchSize).ToListAsync(ct);
            foreach (var calendar in due)
            {
                calendar.ScheduleNext(now);
                var request = new CalendarSyncRequest(calendar.PropertyId, calendar.Channel);
                await outbox.EnqueueAsync(CalendarSyncRequest.Kind, request, propertyId: calendar.PropertyId, dedupKey: request.DedupKey, ct: ct);
            }
            await db.SaveChangesAsync(ct);
            queued += due.Count;
            if (due.Count < BatchSize) return queued;
        }
    }
}
