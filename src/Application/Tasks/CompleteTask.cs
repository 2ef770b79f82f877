using Kasify.Application.Access;
using Kasify.Application.Common;

namespace Kasify.Application.Tasks;

/// <summary>Optional body of <c>POST /tasks/{id}/complete</c>.</summary>
public sealed record TaskCompletion(string? JobReport);

/// <summary>The assignee or the owner: in_progress (or pending) → completed, else 409.</summary>
[ResourceScope("task")]
public sealed class CompleteTaskHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, TaskReader reader, TimeProvider time)
{
    public async Task<TaskResponse> HandleAsync(Guid taskId, TaskCompletion? completion, CancellationToken ct)
    {
        var user = caller.User;
        var (task, role, view) = await access.LoadTaskAsync(user, taskId, ct);
        PropertyAccess.RequireMayWorkOn(role, task, user.Id);
        var v = new Validation();
        var report = v.Optional("job_report", completion?.JobReport, 4000);
        v.ThrowIfInvalid();
        task.Complete(time.GetUtcNow().UtcDateTime, report);
        await db.SaveChangesAsync(ct);
        return await reader.ReadOneAsync(task, view, ct);
    }
}
