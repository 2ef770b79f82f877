using System.Security.Cryptography;
using Kasify.Domain.Common;

namespace Kasify.Domain.Tasks;

/// <summary>
/// A piece of work on a property (cleaning, pool, …). Named <c>PropertyTask</c> to stay clear of
/// <see cref="System.Threading.Tasks.Task"/>. Its state machine: pending → in_progress → completed,
/// cancelled from any open state; anything else is a 409.
/// </summary>
public sealed class PropertyTask : AggregateRoot
{
    private PropertyTask() { }

    public static PropertyTask Create(Guid propertyId, TaskType taskType, DateTime from, DateTime to, Guid? bookingId,
        Guid? assignedTo, string? notes, DateTime now)
    {
        var task = new PropertyTask
        {
            PropertyId = propertyId,
            TaskType = taskType,
            BookingId = bookingId,
            AssignedTo = assignedTo,
            Notes = notes,
            Status = WorkTaskStatus.Pending,
            CreatedAt = now,
            PublicToken = NewPublicToken(),
        };
        task.ApplySchedule(from, to);
        task.Raise(new TaskCreated(task.Id, propertyId, taskType, bookingId, assignedTo));
        return task;
    }

    public Guid PropertyId { get; private set; }
    public TaskType TaskType { get; private set; }
    public WorkTaskStatus Status { get; private set; }
    public Guid? AssignedTo { get; private set; }
    public DateTime From { get; private set; }
    public DateTime To { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid? BookingId { get; private set; }
    public string? Notes { get; private set; }
    public string? JobReport { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    /// <summary>When the check-out job recorded <c>task.due</c> (once per task).</summary>
    public DateTime? DueRecordedAt { get; private set; }
    /// <summary>Unguessable key of the public task view (≥ 128 bits, URL-safe).</summary>
    public string PublicToken { get; private set; } = "";

    public bool IsOpen => Status is WorkTaskStatus.Pending or WorkTaskStatus.InProgress;

    public void Start(DateTime now)
    {
        if (Status != WorkTaskStatus.Pending) throw Illegal("start");
        Status = WorkTaskStatus.InProgress;
        StartedAt = now;
        Raise(new TaskStarted(Id, PropertyId));
    }

    public void Complete(DateTime now, string? jobReport)
    {
        if (!IsOpen) throw Illegal("complete");
        if (jobReport is not null) JobReport = jobReport;
        Status = WorkTaskStatus.Completed;
        StartedAt ??= now;
        CompletedAt = now;
        Raise(new TaskCompleted(Id, PropertyId));
    }

    public void Cancel(DateTime now)
    {
        if (!IsOpen) throw Illegal("cancel");
        Status = WorkTaskStatus.Cancelled;
        CancelledAt = now;
        Raise(new TaskCancelled(Id, PropertyId));
    }

    /// <summary>A cancelled task becomes pending again; only a cancelled task can be reopened.</summary>
    public void Reopen()
    {
        if (Status != WorkTaskStatus.Cancelled) throw Illegal("reopen");
        Status = WorkTaskStatus.Pending;
        CancelledAt = null;
        StartedAt = null;
        Raise(new TaskReopened(Id, PropertyId));
    }

    /// <summary>Moves the task to <paramref name="target"/> through the legal transition, or refuses with a conflict.</summary>
    public void MoveTo(WorkTaskStatus target, DateTime now)
    {
        if (target == Status) return;
        switch (target)
        {
            case WorkTaskStatus.InProgress: Start(now); break;
            case WorkTaskStatus.Completed: Complete(now, null); break;
            case WorkTaskStatus.Cancelled: Cancel(now); break;
            case WorkTaskStatus.Pending: Reopen(); break;
        }
    }

    public void AssignTo(Guid? userId)
    {
        if (AssignedTo == userId) return;
        AssignedTo = userId;
        Raise(new TaskAssigned(Id, PropertyId, userId));
    }

    public void Reschedule(DateTime from, DateTime to) => ApplySchedule(from, to);

    public void ChangeNotes(string? notes) => Notes = notes;

    public void WriteJobReport(string? jobReport) => JobReport = jobReport;

    /// <returns>False when it was already recorded.</returns>
    public bool RecordDue(DateTime now)
    {
        if (DueRecordedAt is not null) return false;
        DueRecordedAt = now;
        return true;
    }

    private void ApplySchedule(DateTime from, DateTime to)
    {
        if (from >= to) throw new DomainRuleException("A task must end after it starts (from < to).", isConflict: false);
        From = from;
        To = to;
    }

    private DomainRuleException Illegal(string action) =>
        new($"A {(Status == WorkTaskStatus.InProgress ? "in_progress" : Status.ToString().ToLowerInvariant())} task cannot {action}: tasks go pending → in_progress → completed, and only open ones can be cancelled.");

    private static string NewPublicToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'); // 192 bits, 32 chars
}
