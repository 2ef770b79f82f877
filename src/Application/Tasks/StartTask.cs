using Kasify.Application.Access;
using Kasify.Application.Common;

namespace Kasify.Application.Tasks;

/// <summary>The assignee or the owner: pending → in_progress, else 409.</summary>
[ResourceScope("task")]
public sealed class StartTaskHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, TaskReader reader, TimeProvider time)
{
    public async Task<TaskResponse> HandleAsync(Guid taskId, CancellationToken ct)
    {
        var user = caller.User;
        var (task, role, view) = await access.LoadTaskAsync(user, taskId, ct);
        PropertyAccess.RequireMayWorkOn(role, task, user.Id);
        task.Start(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await reader.ReadOneAsync(task, view, ct);
    }
}
