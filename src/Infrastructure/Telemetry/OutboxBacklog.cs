using Kasify.Application.Jobs;

namespace Kasify.Infrastructure.Telemetry;

/// <summary>Outbox rows due and waiting for a worker: not finished, not in back-off (due later), not held by a live claim.</summary>
public static class OutboxBacklog
{
    public static IQueryable<OutboxMessage> DueAndWaiting(IQueryable<OutboxMessage> rows, DateTime now) =>
        rows.Where(m => m.ProcessedAt == null && m.FailedAt == null && m.CancelledAt == null && m.DueAt <= now
                        && (m.ClaimedUntil == null || m.ClaimedUntil <= now));
}
