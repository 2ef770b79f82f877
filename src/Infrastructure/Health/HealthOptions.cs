namespace Kasify.Infrastructure.Health;

/// <summary>Configuration section <c>Health</c>.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary><c>/health/ready</c> is Degraded once a due outbox job has waited this long.</summary>
    public double OutboxBacklogDegradedAfterMinutes { get; set; } = 15;
}
