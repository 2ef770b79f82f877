using Kasify.Infrastructure.Persistence;
using Kasify.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Kasify.Infrastructure.Health;

/// <summary>
/// Degraded (still 200: the instance serves requests) when a due job has waited longer than the threshold for a worker:
/// workers stopped, too few, or stuck. Jobs in back-off are not due yet and do not count.
/// </summary>
public sealed class OutboxBacklogCheck(KasifyDbContext db, IOptions<HealthOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var oldest = await OutboxBacklog.OldestDueAt(OutboxBacklog.DueAndWaiting(db.OutboxMessages.AsNoTracking(), now)).FirstOrDefaultAsync(ct);
        var threshold = TimeSpan.FromMinutes(options.Value.OutboxBacklogDegradedAfterMinutes);
        return oldest is { } due && now - due > threshold
            ? HealthCheckResult.Degraded($"The oldest due job has waited {(int)(now - due).TotalMinutes} min for a worker (threshold {threshold.TotalMinutes:0} min).")
            : HealthCheckResult.Healthy();
    }
}
