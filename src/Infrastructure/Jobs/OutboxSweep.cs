using Kasify.Application.Jobs;
using Kasify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Infrastructure.Jobs;

/// <summary>
/// Recurring safety net: hands every overdue, unclaimed outbox row to Hangfire again. Rows whose
/// Hangfire job was lost (restart with in-memory storage, crash between commit and hand-over) run late
/// rather than never; a duplicate job is harmless because the runner skips finished or claimed rows.
/// </summary>
public sealed class OutboxSweep(KasifyDbContext db, IJobScheduler scheduler, TimeProvider time)
{
    public const string RecurringJobId = "outbox-sweep";
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);
    private const int BatchSize = 500;

    /// <param name="grace">How overdue a row must be; zero at start-up, when no job of ours can be in flight.</param>
    public async Task<int> RunAsync(TimeSpan grace, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var overdueBefore = now - grace;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ProcessedAt == null && m.FailedAt == null && m.CancelledAt == null
                        && m.DueAt <= overdueBefore && (m.ClaimedUntil == null || m.ClaimedUntil <= now))
            .OrderBy(m => m.DueAt)
            .Select(m => new { m.Id, m.DueAt })
            .Take(BatchSize)
            .ToListAsync(ct);
        foreach (var message in due) scheduler.Schedule(message.Id, message.DueAt);
        return due.Count;
    }

    public Task<int> RunRecurringAsync(CancellationToken ct) => RunAsync(Grace, ct);
}
