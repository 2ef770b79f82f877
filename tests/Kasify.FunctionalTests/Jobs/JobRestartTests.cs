using Hangfire;
using Kasify.Application.Jobs;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.Infrastructure.Jobs;
using Kasify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kasify.FunctionalTests.Jobs;

/// <summary>Scheduled work survives a restart of the host and runs exactly once (the outbox is the durable record).</summary>
public sealed class JobRestartTests
{
    private string _database = null!;

    [SetUp]
    public void NewDatabase()
    {
        _database = KasifyApiFactory.NewDatabasePath();
        BlockingJob.Reset();
    }

    [TearDown]
    public void RemoveDatabase()
    {
        TestDatabase.Delete(_database);
    }

    private KasifyApiFactory Host(FakeTimeProvider? clock = null, bool runServer = false, bool realClock = false, int leaseSeconds = 60,
        int calendarWorkers = 5) =>
        new(_database, clock, new Dictionary<string, string?>
            {
                ["Jobs:RunServer"] = runServer ? "true" : "false",
                ["Jobs:ClaimLeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Jobs:Workers:calendars"] = calendarWorkers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            s =>
            {
                s.AddScoped<IOutboxJobHandler, CountingJob>();
                s.AddScoped<IOutboxJobHandler, FailingJob>();
                s.AddScoped<IOutboxJobHandler, BlockingJob>();
            }, realClock);

    private static async Task<Guid> ScheduleAsync(KasifyApiFactory host, Guid subject, DateTime? dueAt, string kind = CountingJob.JobKind)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasifyDbContext>();
        await scope.ServiceProvider.GetRequiredService<IOutbox>().EnqueueAsync(kind, subject, dueAt);
        var id = db.OutboxMessages.Local.Single().Id;
        await db.SaveChangesAsync();
        return id;
    }

    private static Task<OutboxMessage> RowAsync(KasifyApiFactory host, Guid id) =>
        host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    private static Task<int> RunsAsync(KasifyApiFactory host, Guid subject) =>
        host.WithDbAsync(db => db.Activities.CountAsync(a => a.Kind == "test.ran" && a.SubjectId == subject));

    [Test]
    public async Task A_job_scheduled_before_a_restart_runs_once_after_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var subject = Guid.NewGuid();
        await using (var before = Host(clock))
        {
            _ = before.Server;
            await ScheduleAsync(before, subject, clock.GetUtcNow().UtcDateTime.AddHours(1));
            (await before.RunDueJobsAsync()).Should().Be(0, "the job is not due yet");
        }

        clock.Advance(TimeSpan.FromHours(2));
        await using var after = Host(clock);
        _ = after.Server;
        await after.RunDueJobsAsync();
        await after.RunDueJobsAsync();

        (await RunsAsync(after, subject)).Should().Be(1);
        (await after.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == CountingJob.JobKind))).ProcessedAt.Should().NotBeNull();
    }

    [Test]
    public async Task Hangfire_runs_a_committed_job_by_itself()
    {
        var subject = Guid.NewGuid();
        await using var host = Host(runServer: true, realClock: true);
        _ = host.Server;

        await ScheduleAsync(host, subject, dueAt: null);

        (await EventuallyAsync(() => RunsAsync(host, subject), runs => runs == 1)).Should().Be(1);
    }

    [Test]
    public async Task After_a_restart_the_start_up_sweep_hands_lost_jobs_to_Hangfire_and_they_run_once()
    {
        var subject = Guid.NewGuid();
        await using (var before = Host(realClock: true))
        {
            _ = before.Server;
            await ScheduleAsync(before, subject, dueAt: null); // handed to an in-memory Hangfire that dies with the host
        }

        await using var after = Host(runServer: true, realClock: true);
        _ = after.Server;

        (await EventuallyAsync(() => RunsAsync(after, subject), runs => runs == 1)).Should().Be(1);
        await Task.Delay(TimeSpan.FromSeconds(2));
        (await RunsAsync(after, subject)).Should().Be(1);
    }

    [Test]
    public async Task After_a_restart_a_job_the_dead_process_had_claimed_and_one_due_soon_both_run_within_seconds()
    {
        var claimedSubject = Guid.NewGuid();
        var soonSubject = Guid.NewGuid();
        await using (var before = Host(realClock: true, leaseSeconds: 3))
        {
            _ = before.Server;
            var claimed = await ScheduleAsync(before, claimedSubject, dueAt: null);
            await ScheduleAsync(before, soonSubject, DateTime.UtcNow.AddSeconds(4));
            await before.WithDbAsync(async db => // the process claims the job, then is killed mid-run
            {
                (await db.OutboxMessages.SingleAsync(m => m.Id == claimed))
                    .Claim(DateTime.UtcNow, TimeSpan.FromSeconds(3), before.Services.GetRequiredService<JobInstance>().Id);
                await db.SaveChangesAsync();
            });
        }

        var restartedAt = DateTime.UtcNow;
        await using var after = Host(runServer: true, realClock: true, leaseSeconds: 3);
        _ = after.Server;

        (await EventuallyAsync(async () => await RunsAsync(after, claimedSubject) + await RunsAsync(after, soonSubject), runs => runs == 2))
            .Should().Be(2);
        (DateTime.UtcNow - restartedAt).Should().BeLessThan(TimeSpan.FromSeconds(25), "no waiting out a 10-minute lease or the sweep's grace");
        await Task.Delay(TimeSpan.FromSeconds(2));
        (await RunsAsync(after, claimedSubject)).Should().Be(1);
    }

    [Test]
    public async Task A_job_running_on_a_live_instance_is_not_taken_over_by_another_instance_however_long_it_runs()
    {
        await using var first = Host(realClock: true, leaseSeconds: 6);
        _ = first.Server;
        await using var second = Host(realClock: true, leaseSeconds: 6);
        _ = second.Server;
        var id = await ScheduleAsync(first, Guid.NewGuid(), dueAt: null, BlockingJob.JobKind);
        var running = first.RunDueJobsAsync();
        (await EventuallyAsync(() => Task.FromResult(BlockingJob.Starts), starts => starts == 1)).Should().Be(1);

        await Task.Delay(TimeSpan.FromSeconds(14)); // more than two leases: only the heartbeat keeps the claim
        await using (var scope = second.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OutboxSweep>().RunRecurringAsync(CancellationToken.None);
        await second.RunDueJobsAsync();

        BlockingJob.Starts.Should().Be(1);
        (await RowAsync(second, id)).ClaimedBy.Should().Be(first.Services.GetRequiredService<JobInstance>().Id);
        BlockingJob.Release();
        await running;
        (await RowAsync(second, id)).ProcessedAt.Should().NotBeNull();
    }

    [Test]
    public async Task A_failing_job_shows_as_failed_in_Hangfire_and_Hangfire_does_not_retry_it_beside_our_back_off()
    {
        await using var host = Host(runServer: true, realClock: true);
        _ = host.Server;
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        var id = await ScheduleAsync(host, Guid.NewGuid(), dueAt: null, FailingJob.JobKind);

        (await EventuallyAsync(() => Task.FromResult(monitoring.FailedCount()), failed => failed == 1)).Should().Be(1);
        await Task.Delay(TimeSpan.FromSeconds(2));
        // Only this row's job counts: with durable storage (PostgreSQL) the recurring sweeps may succeed meanwhile.
        monitoring.SucceededJobs(0, 1000).Should().NotContain(j => j.Value.Job != null && j.Value.Job.Args.Contains(id));
        var row = await RowAsync(host, id);
        row.Attempts.Should().Be(1);
        row.LastError.Should().Contain("vendor unavailable");
        row.DueAt.Should().BeAfter(DateTime.UtcNow, "our own retry waits in back-off");
    }

    [Test]
    public async Task Each_job_is_queued_on_the_queue_of_its_kind()
    {
        await using var host = Host(realClock: true);
        _ = host.Server;
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        await ScheduleAsync(host, Guid.NewGuid(), dueAt: null, "calendar.sync");
        await ScheduleAsync(host, Guid.NewGuid(), dueAt: null, "access_code.provision");
        await ScheduleAsync(host, Guid.NewGuid(), dueAt: null, CountingJob.JobKind);

        monitoring.EnqueuedCount(JobQueues.Calendars).Should().Be(1);
        monitoring.EnqueuedCount(JobQueues.Critical).Should().Be(1);
        monitoring.EnqueuedCount(JobQueues.Default).Should().Be(1);
    }

    [Test]
    public async Task Other_work_runs_at_once_while_every_calendar_worker_is_busy()
    {
        await using var host = Host(runServer: true, realClock: true, calendarWorkers: 1);
        _ = host.Server;
        await ScheduleAsync(host, Guid.NewGuid(), dueAt: null, BlockingJob.JobKind);
        await ScheduleAsync(host, Guid.NewGuid(), dueAt: null, BlockingJob.JobKind);
        (await EventuallyAsync(() => Task.FromResult(BlockingJob.Starts), starts => starts == 1)).Should().Be(1);

        var subject = Guid.NewGuid();
        await ScheduleAsync(host, subject, dueAt: null);

        (await EventuallyAsync(() => RunsAsync(host, subject), runs => runs == 1, attempts: 100)).Should().Be(1);
        BlockingJob.Starts.Should().Be(1, "the one calendar worker is still held");
        BlockingJob.Release();
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, int attempts = 150)
    {
        var value = await read();
        for (var i = 0; i < attempts && !done(value); i++)
        {
            await Task.Delay(200);
            value = await read();
        }
        return value;
    }
}
