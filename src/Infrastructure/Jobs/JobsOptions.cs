namespace Kasify.Infrastructure.Jobs;

/// <summary>Configuration section <c>Jobs</c> (see docs/automation.md).</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Whether this instance runs Hangfire workers at all.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Workers per queue (<see cref="JobQueues"/>); a queue missing here gets <see cref="DefaultWorkers"/>.</summary>
    public Dictionary<string, int> Workers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public int DefaultWorkers { get; set; } = 5;

    /// <summary>
    /// How long a claim holds without a heartbeat. The claiming instance renews it every third of this while the job
    /// runs, so a job of a dead instance is taken over within this time, and a live instance's never is.
    /// </summary>
    public int ClaimLeaseSeconds { get; set; } = 60;

    /// <summary>Set from the database provider: Hangfire's own storage survives a restart (SQL Server, PostgreSQL), or not (in-memory).</summary>
    public bool DurableStorage { get; set; }

    public int WorkersFor(string queue) => Workers.TryGetValue(queue, out var count) && count > 0 ? count : DefaultWorkers;

    public TimeSpan ClaimLease => TimeSpan.FromSeconds(Math.Max(1, ClaimLeaseSeconds));
}
