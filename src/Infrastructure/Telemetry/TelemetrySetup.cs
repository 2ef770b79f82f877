using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kasify.Infrastructure.Telemetry;

public static class TelemetrySetup
{
    /// <summary>Kasify's own instruments (cheap when nothing listens); part of every composition that runs jobs.</summary>
    public static IServiceCollection AddKasifyMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<OperationalGauges>();
        services.TryAddSingleton<KasifyMetrics>();
        services.AddSingleton<IInterceptor, OutcomeMetricsInterceptor>();
        return services;
    }

    /// <summary>
    /// Traces (ASP.NET Core, HttpClient, EF Core, jobs) and metrics (ASP.NET Core, HttpClient, <c>Kasify</c>) through
    /// OpenTelemetry, exported over OTLP (traces, metrics and logs) when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// The standard <c>OTEL_*</c> variables (protocol, headers, service name, sampler) apply.
    /// </summary>
    public static IServiceCollection AddKasifyTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = TelemetryOptions.From(configuration);
        if (!options.Enabled) return services;

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(KasifyTelemetry.JobsSourceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(KasifyTelemetry.MeterName));
        if (options.OtlpEndpoint is not null) telemetry.UseOtlpExporter();
        return services;
    }
}
