using Kasify.Application.Jobs;

namespace Kasify.Infrastructure.Telemetry;

/// <summary>Outbox rows due and waiting for a worker: not finished, not in back-off (due later), not held by a live claim.</summary>
public static class OutboxBacklog
{
    public static IQueryable<OutboxMessage> DueAndWaiting(IQueryable<OutboxMessage> rows, DateTime now) =>
        rows.Where(m => m.ProcessedAt == null && m.FailedAt == null && m.CancelledAt == null && m.DueAt <= now
                        && (m.ClaimedUntil == null || m.ClaimedUntil <= now));

    /// <summary>The due time of the longest-waiting row (null when none waits); the caller picks sync or async execution.</summary>
    public static IQueryable<DateTime?> OldestDueAt(IQueryable<OutboxMessage> dueAndWaiting) =>
        dueAndWaiting.OrderBy(m => m.DueAt).Select(m => (DateTime?)m.DueAt);
}
