using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kasify.Infrastructure.Jobs;

/// <summary>
/// Registers the recurring jobs and sweeps once at start-up, so work lost by a restart resumes at once. Safe for
/// several instances starting together: a registration is an upsert under a fixed id (Hangfire locks each id while
/// writing it), and the start-up hand-over runs under the outbox sweep's lock, so instances starting at once (or the
/// minutely sweep running just then) hand each row over once instead of queueing a Hangfire job per instance.
/// </summary>
internal sealed class JobsStartup(IServiceScopeFactory scopes, IRecurringJobManager recurring, JobStorage storage,
    IOptions<JobsOptions> options, ILogger<JobsStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var sweep in RecurringSweeps.All)
            recurring.AddOrUpdate<RecurringSweeps>(sweep.Id, sweep.Queue, s => s.RunAsync(sweep.Id, CancellationToken.None), sweep.Cron);

        using var connection = storage.GetConnection(); // the lock lives on this connection: keep it open while held
        using var held = HoldHandOverLock(connection);
        if (held is null)
        {
            logger.LogInformation("Start-up hand-over of pending outbox rows skipped: another instance is handing them over now");
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxSweep>().RunAtStartupAsync(cancellationToken);
    }

    /// <summary>
    /// On durable (shared) storage a busy lock means another instance is handing over the same rows: skip. In memory
    /// the lock only guards against this process's own minutely sweep, and the hand-over must not be skipped (the
    /// jobs scheduled before the restart are gone): wait for it.
    /// </summary>
    private IDisposable? HoldHandOverLock(IStorageConnection connection)
    {
        var wait = options.Value.DurableStorage ? TimeSpan.Zero : TimeSpan.FromMinutes(1);
        try
        {
            return connection.AcquireDistributedLock(RecurringSweeps.LockName(OutboxSweep.RecurringJobId), wait);
        }
        catch (DistributedLockTimeoutException) when (options.Value.DurableStorage)
        {
            return null;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
