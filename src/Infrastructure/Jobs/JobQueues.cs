namespace Kasify.Infrastructure.Jobs;

/// <summary>
/// Hangfire queues. Each is served by its own workers (counts from <see cref="JobsOptions"/>), so time-critical work
/// never waits behind thousands of feed fetches. Which kind goes where: <see cref="OutboxJobCatalog.QueueOf"/>.
/// </summary>
public static class JobQueues
{
    /// <summary>Guests and authorities wait on it: access codes, SES reports, checkout/check-in deadlines, the outbox sweep.</summary>
    public const string Critical = "critical";

    /// <summary>Calendar feed fetches: many, slow, and a few minutes late is fine.</summary>
    public const string Calendars = "calendars";

    /// <summary>Everything else (recurring sweeps, unknown kinds).</summary>
    public const string Default = "default";

    public static readonly IReadOnlyList<string> All = [Critical, Calendars, Default];
}
