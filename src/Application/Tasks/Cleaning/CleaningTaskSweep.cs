using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.Bookings;
using Kasify.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Tasks.Cleaning;

/// <summary>
/// Recurring repair (Hangfire, hourly): every confirmed booking checking out from yesterday on gets its cleaning task if a lost
/// event or job left it without one, and a check-out already past gets its <c>task.due</c>. Idempotent.
/// </summary>
public sealed class CleaningTaskSweep(IKasifyDb db, CleaningPlanner planner, ActivityLog log, TimeProvider time)
{
    public const string RecurringJobId = "cleaning-task-sweep";
    private const int BatchSize = 500;

    /// <returns>How many bookings were repaired.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = DateOnly.FromDateTime(now).AddDays(-1);
        var cleaned = db.Tasks.Where(t => t.TaskType == TaskType.Cleaning && t.BookingId != null);
        var missing = await db.Bookings
            .Where(b => b.Status == BookingStatus.Confirmed && b.To >= since && !cleaned.Any(t => t.BookingId == b.Id))
            .OrderBy(b => b.To).Take(BatchSize).ToListAsync(ct);
        var undue = await db.Bookings
            .Where(b => b.Status == BookingStatus.Confirmed && b.To >= since && b.To <= DateOnly.FromDateTime(now)
                        && cleaned.Any(t => t.BookingId == b.Id && t.DueRecordedAt == null
                                            && (t.Status == WorkTaskStatus.Pending || t.Status == WorkTaskStatus.InProgress)))
            .OrderBy(b => b.To).Take(BatchSize).ToListAsync(ct);

        foreach (var booking in missing.Concat(undue).DistinctBy(b => b.Id))
        {
            var property = await db.Properties.SingleAsync(p => p.Id == booking.PropertyId, ct);
            if (now >= CleaningPlanner.CheckoutUtc(booking, property))
                await CheckoutJob.CloseOutAsync(planner, log, time, booking, property, ct);
            else
                await planner.EnsureAsync(booking, reopen: false, ct);
        }
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }
}
