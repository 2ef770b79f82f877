using Kasify.Application.Jobs;
using Kasify.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.UnitTests.Jobs;

[NonParallelizable]
public sealed class OutboxJobRunnerTests
{
    private InfrastructureHost _host = null!;

    [SetUp]
    public void Start()
    {
        ScriptedJob.Runs = 0;
        _host = new InfrastructureHost(s => s.AddScoped<IOutboxJobHandler, ScriptedJob>());
    }

    [TearDown]
    public async Task Stop() => await _host.DisposeAsync();

    private Task<OutboxMessage> RowAsync(Guid id) => _host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    private Task<int> ActivitiesAsync() => _host.WithDbAsync(db => db.Activities.CountAsync(a => a.Kind == "test.ran"));

    [Test]
    public async Task A_committed_row_is_handed_to_the_scheduler_at_its_due_time()
    {
        var due = _host.Clock.GetUtcNow().UtcDateTime.AddHours(3);

        var id = await _host.EnqueueAsync(ScriptedJob.JobKind, "ok", due);

        _host.Scheduler.Scheduled.Should().ContainSingle().Which.Should().Be((id, due));
    }

    [Test]
    public async Task A_row_runs_once_however_often_its_job_is_delivered()
    {
        var id = await _host.EnqueueAsync(ScriptedJob.JobKind, "ok");

        await _host.RunAsync(id);
        await _host.RunAsync(id);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _host.RunAsync(id)));

        ScriptedJob.Runs.Should().Be(1);
        (await ActivitiesAsync()).Should().Be(1);
        (await RowAsync(id)).ProcessedAt.Should().NotBeNull();
    }

    [Test]
    public async Task Concurrent_deliveries_of_a_fresh_row_run_it_once()
    {
        var id = await _host.EnqueueAsync(ScriptedJob.JobKind, "ok");

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => _host.RunAsync(id))));

        (await ActivitiesAsync()).Should().Be(1);
    }

    [Test]
    public async Task A_job_delivered_a_moment_before_its_due_time_is_put_back_not_run()
    {
        var due = _host.Clock.GetUtcNow().UtcDateTime.AddSeconds(3); // clock skew between servers
        var id = await _host.EnqueueAsync(ScriptedJob.JobKind, "ok", due);
        _host.Scheduler.Scheduled.Clear();

        await _host.RunAsync(id);

        ScriptedJob.Runs.Should().Be(0);
        _host.Scheduler.Scheduled.Should().ContainSingle().Which.DueAt.Should().Be(due);
    }

    [Test]
    public async Task A_duplicate_job_whose_row_is_due_much_later_neither_runs_nor_schedules_another()
    {
        // Whoever moved the row's due time (a retry's back-off, a sync brought forward) handed its own job over; a copy
        // that put itself back as well would live on through every retry.
        var due = _host.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        var id = await _host.EnqueueAsync(ScriptedJob.JobKind, "ok", due);
        _host.Scheduler.Scheduled.Clear();

        await _host.RunAsync(id);

        ScriptedJob.Runs.Should().Be(0);
        _host.Scheduler.Scheduled.Should().BeEmpty();
    }

    [Test]
    public async Task A_transient_failure_discards_the_handlers_changes_and_retries_with_back_off()
    {
        var id = await _host.EnqueueAsync(ScriptedJob.JobKind, "fail");
        _host.Scheduler.Scheduled.Clear();

        await FluentActions.Awaiting(() => _host.RunAsync(id)).Should().ThrowAsync<HttpRequestException>("Hangfire must show the job failed");

        var row = await RowAsync(id);
        row.ProcessedAt.Should().BeNull();
        row.FailedAt.Should().BeNull();
        row.Attempts.Should().Be(1);
        row.LastError.Should().Contain("vendor unavailable");
        row.DueAt.Should().Be(_host.Clock.GetUtcNow().UtcDateTime + OutboxJobRunner.Backoff(1));
        _host.Scheduler.Scheduled.Should().ContainSingle().Which.Id.Should().Be(id);
        (await ActivitiesAsync()).Should().Be(0, "the failed attempt's writes are rolled back");
    }

    [Test]
    public async Task A_permanent_failure_stops_retrying()
    {
        var id = await _host.EnqueueAsync(ScriptedJob.JobKind, "permanent");

        await FluentActions.Awaiting(() => _host.RunAsync(id)).Should().ThrowAsync<PermanentJobFailureException>();
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await _host.InScopeAsync(sp => sp.GetRequiredService<DueJobsRunner>().RunAsync());

        ScriptedJob.Runs.Should().Be(1);
        (await RowAsync(id)).FailedAt.Should().NotBeNull();
    }

    [Test]
    public async Task Retries_give_up_after_the_last_attempt()
    {
        var id = await _host.EnqueueAsync(ScriptedJob.JobKind, "fail");

        for (var i = 0; i < OutboxJobRunner.MaxAttempts + 2; i++)
        {
            try { await _host.RunAsync(id); }
            catch (HttpRequestException) { }
            _host.Clock.Advance(TimeSpan.FromHours(2));
        }

        ScriptedJob.Runs.Should().Be(OutboxJobRunner.MaxAttempts);
        (await RowAsync(id)).FailedAt.Should().NotBeNull();
    }

    [Test]
    public async Task Back_off_grows_and_is_capped()
    {
        OutboxJobRunner.Backoff(1).Should().Be(TimeSpan.FromSeconds(30));
        OutboxJobRunner.Backoff(2).Should().Be(TimeSpan.FromSeconds(60));
        OutboxJobRunner.Backoff(20).Should().Be(TimeSpan.FromHours(1));
        await Task.CompletedTask;
    }

    [Test]
    public async Task The_sweep_hands_over_only_overdue_unclaimed_rows()
    {
        var overdue = await _host.EnqueueAsync(ScriptedJob.JobKind, "ok");
        var future = await _host.EnqueueAsync(ScriptedJob.JobKind, "ok", _host.Clock.GetUtcNow().UtcDateTime.AddHours(1));
        var done = await _host.EnqueueAsync(ScriptedJob.JobKind, "ok");
        await _host.RunAsync(done);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        _host.Scheduler.Scheduled.Clear();

        var handed = await _host.InScopeAsync<int>(sp => sp.GetRequiredService<OutboxSweep>().RunRecurringAsync(CancellationToken.None));

        handed.Should().Be(1);
        _host.Scheduler.Scheduled.Select(s => s.Id).Should().Equal(overdue);
        future.Should().NotBe(overdue);
    }

    [Test]
    public async Task A_pending_row_with_the_same_dedup_key_is_not_enqueued_twice()
    {
        await _host.InScopeAsync(async sp =>
        {
            var outbox = sp.GetRequiredService<IOutbox>();
            await outbox.EnqueueAsync(ScriptedJob.JobKind, "ok", dedupKey: "same");
            await outbox.EnqueueAsync(ScriptedJob.JobKind, "ok", dedupKey: "same");
            await sp.GetRequiredService<Kasify.Infrastructure.Persistence.KasifyDbContext>().SaveChangesAsync();
        });
        await _host.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IOutbox>().EnqueueAsync(ScriptedJob.JobKind, "ok", dedupKey: "same");
            await sp.GetRequiredService<Kasify.Infrastructure.Persistence.KasifyDbContext>().SaveChangesAsync();
        });

        (await _host.WithDbAsync(db => db.OutboxMessages.CountAsync())).Should().Be(1);
    }
}
