using Hangfire;
using Hangfire.Storage;
using Kasify.Application.AccessCodes;
using Kasify.Application.Calendars;
using Kasify.Application.Guests;
using Kasify.Application.Ses;
using Kasify.Application.Tasks.Cleaning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kasify.Infrastructure.Jobs;

/// <summary>
/// The recurring jobs. A run that finds the previous run of the same sweep still going (a slow run overlapping the
/// next tick, or another instance) skips instead of doing the same work twice: a distributed lock in Hangfire's
/// storage (process-wide in memory, database-wide on SQL Server).
/// </summary>
public sealed class RecurringSweeps(IServiceProvider scope, JobStorage storage, ILogger<RecurringSweeps> logger)
{
    internal sealed record Sweep(string Id, string Cron, string Queue, Func<IServiceProvider, CancellationToken, Task<int>> Run);

    internal static readonly Sweep[] All =
    [
        new(OutboxSweep.RecurringJobId, Hangfire.Cron.Minutely(), JobQueues.Critical,
            (sp, ct) => sp.GetRequiredService<OutboxSweep>().RunRecurringAsync(ct)),
        new(DueCalendarSyncDispatcher.RecurringJobId, Hangfire.Cron.Minutely(), JobQueues.Default,
            (sp, ct) => sp.GetRequiredService<DueCalendarSyncDispatcher>().RunAsync(ct)),
        new(SesSweep.RecurringJobId, Hangfire.Cron.Hourly(), JobQueues.Default, (sp, ct) => sp.GetRequiredService<SesSweep>().RunAsync(ct)),
        new(CleaningTaskSweep.RecurringJobId, Hangfire.Cron.Hourly(), JobQueues.Default,
            (sp, ct) => sp.GetRequiredService<CleaningTaskSweep>().RunAsync(ct)),
        new(AccessCodeSweep.RecurringJobId, "*/15 * * * *", JobQueues.Default, (sp, ct) => sp.GetRequiredService<AccessCodeSweep>().RunAsync(ct)),
        new(GuestRetentionPurge.RecurringJobId, Hangfire.Cron.Daily(3), JobQueues.Default,
            (sp, ct) => sp.GetRequiredService<GuestRetentionPurge>().RunAsync(ct)),
    ];

    /// <summary>The lock a sweep holds while it runs (the start-up hand-over takes the outbox sweep's).</summary>
    internal static string LockName(string sweepId) => $"kasify:sweep:{sweepId}";

    [AutomaticRetry(Attempts = 0)] // the next tick is the retry
    public async Task<int> RunAsync(string sweepId, CancellationToken ct)
    {
        var sweep = All.Single(s => s.Id == sweepId);
        using var connection = storage.GetConnection();
        IDisposable held;
        try
        {
            held = connection.AcquireDistributedLock(LockName(sweep.Id), TimeSpan.Zero);
        }
        catch (DistributedLockTimeoutException)
        {
            logger.LogInformation("Sweep {Sweep} skipped: its previous run is still going", sweep.Id);
            return 0;
        }
        using (held) return await sweep.Run(scope, ct);
    }
}
