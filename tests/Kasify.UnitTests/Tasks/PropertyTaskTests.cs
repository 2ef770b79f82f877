using Kasify.Domain.Common;
using Kasify.Domain.Tasks;

namespace Kasify.UnitTests.Tasks;

public sealed class PropertyTaskTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    private static PropertyTask NewTask() =>
        PropertyTask.Create(Guid.NewGuid(), TaskType.Cleaning, Now.AddHours(1), Now.AddHours(5), Guid.NewGuid(), Guid.NewGuid(), null, Now);

    [Test]
    public void A_new_task_is_pending_with_an_unguessable_public_token_and_says_so()
    {
        var task = NewTask();

        task.Status.Should().Be(WorkTaskStatus.Pending);
        task.PublicToken.Should().MatchRegex("^[A-Za-z0-9_-]{32}$");
        task.PopDomainEvents().Should().ContainSingle().Which.Should().BeOfType<TaskCreated>();
    }

    [Test]
    public void Pending_goes_to_in_progress_then_completed()
    {
        var task = NewTask();

        task.Start(Now);
        task.Complete(Now.AddHours(1), "Done");

        task.Status.Should().Be(WorkTaskStatus.Completed);
        task.JobReport.Should().Be("Done");
        task.PopDomainEvents().Select(e => e.GetType()).Should().Equal(typeof(TaskCreated), typeof(TaskStarted), typeof(TaskCompleted));
    }

    [Test]
    public void Illegal_transitions_are_conflicts()
    {
        var completed = NewTask();
        completed.Complete(Now, null);
        var cancelled = NewTask();
        cancelled.Cancel(Now);
        var started = NewTask();
        started.Start(Now);

        FluentActions.Invoking(() => completed.Start(Now)).Should().Throw<DomainRuleException>().Which.IsConflict.Should().BeTrue();
        FluentActions.Invoking(() => completed.Cancel(Now)).Should().Throw<DomainRuleException>();
        FluentActions.Invoking(() => cancelled.Complete(Now, null)).Should().Throw<DomainRuleException>();
        FluentActions.Invoking(() => started.Start(Now)).Should().Throw<DomainRuleException>().WithMessage("*in_progress*");
        FluentActions.Invoking(() => started.Reopen()).Should().Throw<DomainRuleException>();
    }

    [Test]
    public void A_cancelled_task_reopens_as_pending_and_due_is_recorded_once()
    {
        var task = NewTask();
        task.Cancel(Now);

        task.MoveTo(WorkTaskStatus.Pending, Now);

        task.Status.Should().Be(WorkTaskStatus.Pending);
        task.CancelledAt.Should().BeNull();
        task.RecordDue(Now).Should().BeTrue();
        task.RecordDue(Now).Should().BeFalse();
    }

    [Test]
    public void A_task_must_end_after_it_starts()
    {
        FluentActions.Invoking(() => PropertyTask.Create(Guid.NewGuid(), TaskType.Pool, Now, Now, null, null, null, Now))
            .Should().Throw<DomainRuleException>().Which.IsConflict.Should().BeFalse();
    }
}
