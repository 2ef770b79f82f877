using Kasify.Infrastructure.Persistence;
using Kasify.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Kasify.WebApi.Endpoints;

public static class HealthEndpoints
{
    public static IServiceCollection AddKasifyHealthChecks(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName)
            .Validate(o => o.OutboxBacklogDegradedAfterMinutes > 0, "Health:OutboxBacklogDegradedAfterMinutes must be positive.")
            .ValidateOnStart();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"])
            .AddCheck<OutboxBacklogCheck>("outbox", tags: ["ready"]);
        return services;
    }

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    }

    /// <summary>Ready = the database answers and every migration is applied.</summary>
    private sealed class DatabaseReadyCheck(KasifyDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("The database cannot be reached.");
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                return pending.Count == 0
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied.");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("The database check failed: " + ex.GetType().Name);
            }
        }
    }

    /// <summary>
    /// Degraded (still 200: the instance serves requests) when a due job has waited longer than the threshold for a worker:
    /// workers stopped, too few, or stuck. Jobs in back-off are not due yet and do not count.
    /// </summary>
    private sealed class OutboxBacklogCheck(KasifyDbContext db, IOptions<HealthOptions> options, TimeProvider time) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var oldest = await OutboxBacklog.DueAndWaiting(db.OutboxMessages.AsNoTracking(), now)
                .OrderBy(m => m.DueAt).Select(m => (DateTime?)m.DueAt).FirstOrDefaultAsync(ct);
            var threshold = TimeSpan.FromMinutes(options.Value.OutboxBacklogDegradedAfterMinutes);
            return oldest is { } due && now - due > threshold
                ? HealthCheckResult.Degraded($"The oldest due job has waited {(int)(now - due).TotalMinutes} min for a worker (threshold {threshold.TotalMinutes:0} min).")
                : HealthCheckResult.Healthy();
        }
    }
}

/// <summary>Configuration section <c>Health</c>.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary><c>/health/ready</c> is Degraded once a due outbox job has waited this long.</summary>
    public double OutboxBacklogDegradedAfterMinutes { get; set; } = 15;
}
