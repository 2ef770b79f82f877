using Microsoft.Extensions.Configuration;

namespace Kasify.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry is on when an OTLP endpoint is configured (the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable)
/// or <c>Telemetry:Enabled</c> is true (e.g. to add another exporter); otherwise nothing listens and nothing is exported.
/// </summary>
public sealed record TelemetryOptions(bool Enabled, string? OtlpEndpoint, string ServiceName)
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string EnabledKey = "Telemetry:Enabled";

    public static TelemetryOptions From(IConfiguration configuration)
    {
        var endpoint = configuration[OtlpEndpointKey];
        if (string.IsNullOrWhiteSpace(endpoint)) endpoint = null;
        var enabled = endpoint is not null || configuration.GetValue<bool>(EnabledKey);
        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "kasify";
        return new TelemetryOptions(enabled, endpoint, serviceName);
    }
}
