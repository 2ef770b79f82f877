using Hangfire;
using Hangfire.Storage;
using Kasify.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kasify.Simulation.Hosting;

/// <summary>
/// Plays Hangfire for one step of simulated time: the recurring jobs whose cron fired since the last step (read from
/// Hangfire's own recurring-job storage, so the schedules are the real ones), then every handed-over job that is due,
/// each run by <c>workers</c> workers at once, until nothing more is due. While jobs run, the fake clock creeps forward
/// (feed retries and timeouts wait on it), as time passes during real work.
/// </summary>
public sealed class JobPump(FakeTimeProvider clock, int workers)
{
    private static readonly TimeSpan Creep = TimeSpan.FromMilliseconds(250);

    public List<string> WorkerErrors { get; } = [];
    public int JobsRun { get; private set; }
    /// <summary>Jobs run per kind (for diagnosing storms).</summary>
    public Dictionary<string, int> RunByKind { get; } = new(StringComparer.Ordinal);
    public HashSet<Guid> DistinctIds { get; } = [];

    public async Task RunStepAsync(SimulationHost host, DateTime previous, CancellationToken crash)
    {
        var work = RunAsync(host, previous, crash);
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(20));
            if (!work.IsCompleted) clock.Advance(Creep);
        }
        await work;
    }

    private async Task RunAsync(SimulationHost host, DateTime previous, CancellationToken crash)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var job in RecurringJobs(host).Where(j => new CronSchedule(j.Cron).OccursBetween(previous, now)))
        {
            await RunGuardedAsync(() => InvokeRecurringAsync(host, job, crash), job.Id, crash);
        }

        for (var round = 0; round < 50; round++)
        {
            var due = host.Jobs.TakeDue(clock.GetUtcNow().UtcDateTime);
            if (due.Count == 0) break;
            foreach (var job in due)
            {
                crash.ThrowIfCancellationRequested();
                await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => RunGuardedAsync(() => RunOutboxJobAsync(host, job.Id, crash), "outbox job", crash)));
                JobsRun++;
                RunByKind[job.Kind] = RunByKind.GetValueOrDefault(job.Kind) + 1;
                DistinctIds.Add(job.Id);
                if (Environment.GetEnvironmentVariable("KASIFY_SIM_DEBUG") is not null && (_perId[job.Id] = _perId.GetValueOrDefault(job.Id) + 1) == 100)
                    await DumpAsync(host, job.Id);
            }
        }
    }

    private readonly Dictionary<Guid, int> _perId = [];

    private async Task DumpAsync(SimulationHost host, Guid id)
    {
        var rows = await host.WithDbAsync(async db =>
        {
            var row = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.OutboxMessages, m => m.Id == id);
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.OutboxMessages.Where(m => m.DedupKey == row.DedupKey || m.Id == id));
        });
        Console.Error.WriteLine($"STORM {id} at {clock.GetUtcNow():u}:");
        foreach (var r in rows)
            Console.Error.WriteLine($"  {r.Id} {r.Kind} key={r.DedupKey} due={r.DueAt:O} claimed={r.ClaimedUntil:O} by={r.ClaimedBy} att={r.Attempts} proc={r.ProcessedAt:O} failed={r.FailedAt:O} canc={r.CancelledAt:O} err={r.LastError}");
    }

    private static List<RecurringJobDto> RecurringJobs(SimulationHost host)
    {
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Where(j => j.Job is not null && j.Cron is not null).OrderBy(j => j.Id, StringComparer.Ordinal).ToList();
    }

    private static async Task InvokeRecurringAsync(SimulationHost host, RecurringJobDto job, CancellationToken crash)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var target = scope.ServiceProvider.GetRequiredService(job.Job.Type);
        var args = job.Job.Method.GetParameters()
            .Select((p, i) => p.ParameterType == typeof(CancellationToken) ? crash : job.Job.Args.ElementAtOrDefault(i)).ToArray();
        if (job.Job.Method.Invoke(target, args) is Task task) await task;
    }

    private static async Task RunOutboxJobAsync(SimulationHost host, Guid id, CancellationToken crash)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxJobRunner>().RunAsync(id, crash);
    }

    /// <summary>A worker's unexpected exception is recorded, as Hangfire would show a failed job; a crash ends the step.</summary>
    private async Task RunGuardedAsync(Func<Task> run, string what, CancellationToken crash)
    {
        try
        {
            await run();
        }
        catch (Exception) when (crash.IsCancellationRequested)
        {
            throw new OperationCanceledException(crash);
        }
        catch (Exception e)
        {
            lock (WorkerErrors) WorkerErrors.Add($"{what}: {e.GetType().Name}: {e.Message}");
        }
    }
}
