using System.Diagnostics;
using Hangfire;
using Hangfire.Storage;
using Kasify.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kasify.Simulation.Hosting;

/// <summary>
/// Plays Hangfire's servers for one step of simulated time. Each queue (<see cref="JobQueues"/>) has its own pool of
/// workers (<c>Jobs:Workers:&lt;queue&gt;</c>, as the product configures its Hangfire servers), so a backlog of feed
/// fetches never holds up the critical queue. The recurring jobs whose cron fired since the last step (read from
/// Hangfire's own recurring-job storage, so the schedules are the real ones) run on their queue's workers; then every
/// worker takes the due jobs of its queue, earliest first, each run by <c>duplicates</c> runners at once (a second
/// instance), until nothing is due, nobody is busy, or the step's time is used up (the backlog carries over, as in
/// Hangfire). While jobs run the fake clock creeps forward (feed retries and timeouts wait on it), as time passes
/// during real work.
/// </summary>
public sealed class JobPump(FakeTimeProvider clock, int duplicates)
{
    private static readonly TimeSpan Creep = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);
    private readonly object _gate = new();
    private int _busy;
    private bool _done;
    private int _recurringLeft;

    public List<string> WorkerErrors { get; } = [];
    public int JobsRun { get; private set; }
    /// <summary>Jobs run per kind, and real time spent per kind (recurring jobs by id), for diagnosing storms and speed.</summary>
    public Dictionary<string, int> RunByKind { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TimeSpan> TimeByKind { get; } = new(StringComparer.Ordinal);
    public HashSet<Guid> DistinctIds { get; } = [];
    /// <summary>Outbox rows whose job threw (Hangfire shows these jobs Failed), with the simulated time it happened.</summary>
    public Dictionary<Guid, DateTime> FailedJobs { get; } = [];

    /// <param name="until">The end of the step: no job is started after the clock has crept past it.</param>
    public async Task RunStepAsync(SimulationHost host, DateTime previous, DateTime until, CancellationToken crash)
    {
        var work = RunAsync(host, previous, until, crash);
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(20));
            if (!work.IsCompleted) clock.Advance(Creep);
        }
        await work;
    }

    private async Task RunAsync(SimulationHost host, DateTime previous, DateTime until, CancellationToken crash)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        _done = false;
        var recurring = new Dictionary<string, Queue<RecurringJobDto>>(StringComparer.Ordinal);
        foreach (var job in RecurringJobs(host).Where(j => new CronSchedule(j.Cron).OccursBetween(previous, now)))
        {
            var queue = job.Queue ?? JobQueues.Default;
            (recurring.TryGetValue(queue, out var q) ? q : recurring[queue] = new Queue<RecurringJobDto>()).Enqueue(job);
        }
        _recurringLeft = recurring.Values.Sum(q => q.Count);
        var options = host.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        var workers = JobQueues.All.SelectMany(queue => Enumerable.Range(0, options.WorkersFor(queue))
            .Select(_ => WorkAsync(host, queue, recurring.GetValueOrDefault(queue), until, crash))).ToList();
        await Task.WhenAll(workers);
        crash.ThrowIfCancellationRequested();
    }

    private async Task WorkAsync(SimulationHost host, string queue, Queue<RecurringJobDto>? recurring, DateTime until, CancellationToken crash)
    {
        while (!crash.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            RecurringJobDto? sweep = null;
            SimulatedJob? job = null;
            lock (_gate)
            {
                if (recurring is { Count: > 0 }) { sweep = recurring.Dequeue(); _recurringLeft--; }
                else if (now < until) job = host.Jobs.TakeNext(queue, now);
                if (_done) return;
                if (sweep is null && job is null)
                {
                    // All workers stop together: one that stopped alone would leave work another's job queued for it.
                    if (_busy == 0 && _recurringLeft == 0 && (now >= until || !host.Jobs.AnyDue(now))) { _done = true; return; }
                }
                else _busy++;
            }
            if (sweep is null && job is null)
            {
                await Task.Delay(Poll);
                continue;
            }
            var started = Stopwatch.GetTimestamp();
            try
            {
                if (sweep is not null) await RunGuardedAsync(() => InvokeRecurringAsync(host, sweep, crash), sweep.Id, null, crash);
                else
                    await Task.WhenAll(Enumerable.Range(0, duplicates).Select(_ =>
                        RunGuardedAsync(() => RunOutboxJobAsync(host, job!.Id, crash), job!.Kind, job.Id, crash)));
            }
            finally
            {
                lock (_gate)
                {
                    _busy--;
                    var name = sweep?.Id ?? job!.Kind;
                    TimeByKind[name] = TimeByKind.GetValueOrDefault(name) + Stopwatch.GetElapsedTime(started);
                    if (job is not null)
                    {
                        JobsRun++;
                        RunByKind[job.Kind] = RunByKind.GetValueOrDefault(job.Kind) + 1;
                        DistinctIds.Add(job.Id);
                    }
                }
            }
        }
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

    /// <summary>A worker's exception is recorded, as Hangfire would show a failed job; a crash ends the step.</summary>
    private async Task RunGuardedAsync(Func<Task> run, string what, Guid? outboxId, CancellationToken crash)
    {
        try
        {
            await run();
        }
        catch (Exception) when (crash.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                if (outboxId is { } id) FailedJobs.TryAdd(id, clock.GetUtcNow().UtcDateTime);
                else WorkerErrors.Add($"{what}: {e.GetType().Name}: {e.Message}");
            }
        }
    }
}
