using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Tasks;

namespace Kasify.Application.Tasks;

/// <summary>
/// Owner or manager. A booking's cleaning task is cancelled rather than deleted, so "one cleaning task per booking"
/// still holds and automation (the sweep) does not bring it back; any other task is removed.
/// </summary>
[ResourceScope("task")]
public sealed class DeleteTaskHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, TimeProvider time)
{
    public async Task HandleAsync(Guid taskId, CancellationToken ct)
    {
        var user = caller.User;
        var (task, role, _) = await access.LoadTaskAsync(user, taskId, ct);
        PropertyAccess.RequireMayManageTasks(role);
        if (task.BookingId is not null && task.TaskType == TaskType.Cleaning)
        {
            if (task.IsOpen) task.Cancel(time.GetUtcNow().UtcDateTime);
        }
        else
        {
            db.Tasks.Remove(task);
        }
        await db.SaveChangesAsync(ct);
    }
}
