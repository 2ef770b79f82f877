using Kasify.Infrastructure.Health;

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
}
