using Kasify.Application.Jobs;
using Kasify.Domain.Timeline;
using Kasify.Infrastructure.Jobs;
using Kasify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.UnitTests.Jobs;

/// <summary>Issue 9: attempt limit at claim, dedup that holds under concurrent writers, one run per key at a time, stale claims.</summary>
[NonParallelizable]
public sealed class OutboxHardeningTests
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

    private DateTime Now => _host.Clock.GetUtcNow().UtcDateTime;

    private Task<List<OutboxMessage>> RowsAsync() => _host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync());

    private Task ClaimAsOtherInstanceAsync(Guid id, TimeSpan lease) => _host.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KasifyDbContext>();
        (await db.OutboxMessages.SingleAsync(m => m.Id == id)).Claim(Now, lease, "other-instance");
        await db.SaveChangesAsync();
    });

    [Test]
    public async Task A_row_whose_runs_kept_dying_with_the_process_fails_for_good_at_the_next_claim()
    {
        var id = await _host.EnqueueAsync(ScriptedJob.JobKind, "ok");
        for (var i = 0; i < OutboxJobRunner.MaxAttempts; i++)
        {
            await ClaimAsOtherInstanceAsync(id, TimeSpan.FromMinutes(1)); // claimed, then the process died mid-run
            _host.Clock.Advance(TimeSpan.FromMinutes(2));
        }

        await FluentActions.Awaiting(() => _host.RunAsync(id)).Should().ThrowAsync<OutboxJobGaveUpException>();

        ScriptedJob.Runs.Should().Be(0);
        var row = (await RowsAsync()).Single();
        row.FailedAt.Should().NotBeNull();
        row.Attempts.Should().Be(OutboxJobRunner.MaxAttempts);
        row.LastError.Should().Contain("Gave up");
    }

    [Test]
    public async Task Two_writers_that_both_saw_no_pending_row_of_a_key_leave_one_row_and_both_of_their_changes()
    {
        await using var first = _host.NewScope();
        await using var second = _host.NewScope();
        foreach (var scope in new[] { first, second })
        {
            await scope.Services.GetRequiredService<IOutbox>().EnqueueAsync(ScriptedJob.JobKind, "ok", dedupKey: "same-work");
            scope.Db.Activities.Add(new Activity(Now, "test.writer", "own change", "test", Guid.NewGuid(), null, null, null, null));
        }

        await first.Db.SaveChangesAsync();
        await second.Db.SaveChangesAsync();

        (await RowsAsync()).Should().ContainSingle(m => m.DedupKey == "same-work");
        (await _host.WithDbAsync(db => db.Activities.CountAsync(a => a.Kind == "test.writer"))).Should().Be(2);
    }

    [Test]
    public async Task Many_concurrent_writers_of_one_key_on_a_real_sqlite_file_leave_exactly_one_pending_row()
    {
        using var allChecked = new Barrier(6);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            await using var scope = _host.NewScope();
            await scope.Services.GetRequiredService<IOutbox>().EnqueueAsync(ScriptedJob.JobKind, "ok", dedupKey: "raced");
            allChecked.SignalAndWait(TimeSpan.FromSeconds(10)); // everyone has checked before anyone inserts
            await scope.Db.SaveChangesAsync();
        })));

        (await RowsAsync()).Count(m => m.DedupKey == "raced" && m.IsPending).Should().Be(1);
    }

    [Test]
    public async Task Asking_again_for_waiting_work_brings_it_forward_and_hands_it_over_at_once()
    {
        var later = Now.AddHours(1);
        await EnqueueKeyedAsync(later);
        _host.Scheduler.Scheduled.Clear();

        await EnqueueKeyedAsync(dueAt: null);

        var row = (await RowsAsync()).Should().ContainSingle().Subject;
        row.DueAt.Should().Be(Now);
        _host.Scheduler.Scheduled.Should().ContainSingle().Which.Should().Be((row.Id, Now));
    }

    [Test]
    public async Task Asking_again_for_work_whose_job_seems_lost_hands_it_over_again()
    {
        var id = await EnqueueKeyedAsync(dueAt: null);
        var dueAt = Now;
        _host.Clock.Advance(TimeSpan.FromMinutes(1)); // its Hangfire job never ran
        _host.Scheduler.Scheduled.Clear();

        await EnqueueKeyedAsync(dueAt: null);

        (await RowsAsync()).Should().ContainSingle();
        _host.Scheduler.Scheduled.Should().ContainSingle().Which.Should().Be((id, dueAt));
    }

    [Test]
    public async Task Work_asked_for_while_its_key_runs_waits_for_that_run_and_then_runs_once()
    {
        var running = await EnqueueKeyedAsync(dueAt: null);
        await ClaimAsOtherInstanceAsync(running, TimeSpan.FromMinutes(1));

        var waiting = await EnqueueKeyedAsync(dueAt: null);
        waiting.Should().NotBe(running, "the running job may have read its input before this request");

        await _host.RunAsync(waiting);
        ScriptedJob.Runs.Should().Be(0, "never two runs of one key at once");
        _host.Scheduler.Scheduled.Should().Contain(s => s.Id == waiting && s.DueAt > Now);

        _host.Clock.Advance(TimeSpan.FromMinutes(2)); // the other instance died: its claim went stale
        _host.Scheduler.Scheduled.Clear();
        await _host.RunAsync(running);
        _host.Scheduler.Scheduled.Should().Contain(s => s.Id == waiting, "the next of the key is handed over when a run ends");
        await _host.RunAsync(waiting);

        ScriptedJob.Runs.Should().Be(2);
        (await RowsAsync()).Should().OnlyContain(m => m.ProcessedAt != null);
    }

    [Test]
    public async Task The_sweep_hands_over_a_stale_claim_at_once_and_leaves_a_live_one_alone()
    {
        var stale = await _host.EnqueueAsync(ScriptedJob.JobKind, "ok");
        var live = await _host.EnqueueAsync(ScriptedJob.JobKind, "ok");
        await ClaimAsOtherInstanceAsync(stale, TimeSpan.FromSeconds(30));
        _host.Clock.Advance(TimeSpan.FromSeconds(40));
        await ClaimAsOtherInstanceAsync(live, TimeSpan.FromSeconds(60));
        _host.Scheduler.Scheduled.Clear();

        await _host.InScopeAsync(sp => sp.GetRequiredService<OutboxSweep>().RunRecurringAsync(CancellationToken.None));

        _host.Scheduler.Scheduled.Select(s => s.Id).Should().Equal(stale);
    }

    [Test]
    public async Task At_start_up_every_pending_row_is_handed_over_later_ones_at_their_due_time_claimed_ones_when_their_lease_ends()
    {
        var due = await _host.EnqueueAsync(ScriptedJob.JobKind, "ok");
        var later = await _host.EnqueueAsync(ScriptedJob.JobKind, "ok", Now.AddMinutes(3));
        var claimed = await _host.EnqueueAsync(ScriptedJob.JobKind, "ok");
        await ClaimAsOtherInstanceAsync(claimed, TimeSpan.FromSeconds(45));
        _host.Scheduler.Scheduled.Clear();

        await _host.InScopeAsync(sp => sp.GetRequiredService<OutboxSweep>().RunAtStartupAsync(CancellationToken.None));

        _host.Scheduler.Scheduled.Should().BeEquivalentTo(new[] { (due, Now), (later, Now.AddMinutes(3)), (claimed, Now.AddSeconds(45)) });
    }

    [Test]
    public async Task The_heartbeat_renews_the_claims_of_jobs_this_instance_is_running()
    {
        var id = await _host.EnqueueAsync(ScriptedJob.JobKind, "ok");
        var instance = await _host.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<JobInstance>()));
        await _host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KasifyDbContext>();
            (await db.OutboxMessages.SingleAsync(m => m.Id == id)).Claim(Now, TimeSpan.FromSeconds(60), instance.Id);
            await db.SaveChangesAsync();
        });
        instance.Started(id);
        _host.Clock.Advance(TimeSpan.FromSeconds(50));

        var heartbeat = await _host.InScopeAsync(sp => Task.FromResult(ActivatorUtilities.CreateInstance<ClaimHeartbeat>(sp)));
        (await heartbeat.RenewAsync(CancellationToken.None)).Should().Be(1);

        (await RowsAsync()).Single().ClaimedUntil.Should().Be(Now.AddSeconds(60));
        instance.Finished(id);
    }

    [TestCase("access_code.provision", JobQueues.Critical)]
    [TestCase("ses.submit_report", JobQueues.Critical)]
    [TestCase("checkin.deadline", JobQueues.Critical)]
    [TestCase("cleaning.checkout", JobQueues.Critical)]
    [TestCase("calendar.sync", JobQueues.Calendars)]
    [TestCase("test.scripted", JobQueues.Default)]
    public void Each_job_kind_has_its_queue(string kind, string queue) => OutboxJobCatalog.QueueOf(kind).Should().Be(queue);

    private Task<Guid> EnqueueKeyedAsync(DateTime? dueAt) => _host.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KasifyDbContext>();
        await sp.GetRequiredService<IOutbox>().EnqueueAsync(ScriptedJob.JobKind, "ok", dueAt, dedupKey: "key");
        var added = db.OutboxMessages.Local.FirstOrDefault()?.Id;
        await db.SaveChangesAsync();
        return added ?? (await db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.DedupKey == "key" && m.ProcessedAt == null && m.CancelledAt == null && m.ClaimedUntil == null)).Id;
    });
}
