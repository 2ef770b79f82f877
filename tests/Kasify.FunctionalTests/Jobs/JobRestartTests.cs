using Kasify.Application.Jobs;
using Kasify.FunctionalTests.Infrastructure;
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
    public void NewDatabase() => _database = KasifyApiFactory.NewDatabasePath();

    [TearDown]
    public void RemoveDatabase()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_database + suffix);
    }

    private KasifyApiFactory Host(FakeTimeProvider? clock = null, bool runServer = false, bool realClock = false) =>
        new(_database, clock, new Dictionary<string, string?> { ["Jobs:RunServer"] = runServer ? "true" : "false" },
            s => s.AddScoped<IOutboxJobHandler, CountingJob>(), realClock);

    private static async Task ScheduleAsync(KasifyApiFactory host, Guid subject, DateTime? dueAt)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOutbox>().EnqueueAsync(CountingJob.JobKind, subject, dueAt);
        await scope.ServiceProvider.GetRequiredService<KasifyDbContext>().SaveChangesAsync();
    }

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

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 150 && !done(value); i++)
        {
            await Task.Delay(200);
            value = await read();
        }
        return value;
    }
}
