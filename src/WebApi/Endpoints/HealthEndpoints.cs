using Kasify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kasify.WebApi.Endpoints;

public static class HealthEndpoints
{
    public static IServiceCollection AddKasifyHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
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
}
