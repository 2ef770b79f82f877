using Kasify.Application.Access;
using Kasify.Application.Common;

namespace Kasify.Application.Tasks;

[ResourceScope("task")]
public sealed class GetTaskHandler(UseCaseCaller caller, PropertyAccess access, TaskReader reader)
{
    public async Task<TaskResponse> HandleAsync(Guid taskId, CancellationToken ct)
    {
        var (task, _, view) = await access.LoadTaskAsync(caller.User, taskId, ct);
        return await reader.ReadOneAsync(task, view, ct);
    }
}
