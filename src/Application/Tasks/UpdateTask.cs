using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Tasks;

namespace Kasify.Application.Tasks;

/// <summary>Body of <c>PATCH /tasks/{id}</c>; fields left out keep their value.</summary>
public sealed record TaskChange(Guid? AssignedTo, string? Notes, string? Status, string? JobReport, DateTime? From, DateTime? To)
{
    public bool OnlyJobReport => AssignedTo is null && Notes is null && Status is null && From is null && To is null;
}

/// <summary>The owner changes every field; a manager or the assignee only <c>job_report</c>; others get 403.</summary>
[ResourceScope("task")]
public sealed class UpdateTaskHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, TaskReader reader, TimeProvider time)
{
    public async Task<TaskResponse> HandleAsync(Guid taskId, TaskChange change, CancellationToken ct)
    {
        var user = caller.User;
        var (task, role, view) = await access.LoadTaskAsync(user, taskId, ct);
        PropertyAccess.RequireMayPatch(role, task, user.Id, change.OnlyJobReport);

        var v = new Validation();
        var status = ValidTaskFilters.ParseEnum<WorkTaskStatus>(v, "status", change.Status, "pending, in_progress, completed or cancelled");
        var notes = v.Optional("notes", change.Notes, 2000);
        var report = v.Optional("job_report", change.JobReport, 4000);
        SaneDates.Check(v, "from", change.From);
        SaneDates.Check(v, "to", change.To);
        var from = change.From ?? task.From;
        var to = change.To ?? task.To;
        if (from >= to) v.Add("to", "to must be after from.");
        if (change.AssignedTo is { } assignee && !await access.IsOwnerOrMemberAsync(task.PropertyId, assignee, ct))
            v.Add("assigned_to", "assigned_to must be a member of the property or its owner.");
        v.ThrowIfInvalid();

        if (change.JobReport is not null) task.WriteJobReport(report);
        if (change.Notes is not null) task.ChangeNotes(notes);
        if (change.From is not null || change.To is not null) task.Reschedule(from, to);
        if (change.AssignedTo is { } newAssignee) task.AssignTo(newAssignee);
        if (status is { } target) task.MoveTo(target, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await reader.ReadOneAsync(task, view, ct);
    }
}
