using System.Diagnostics;

namespace Kasify.Infrastructure.Telemetry;

/// <summary>Names of what Kasify itself emits: the jobs' activity source and the <c>Kasify</c> meter.</summary>
public static class KasifyTelemetry
{
    public const string JobsSourceName = "Kasify.Jobs";
    public const string MeterName = "Kasify";

    internal static readonly ActivitySource Jobs = new(JobsSourceName);
}
