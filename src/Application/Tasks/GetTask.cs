using Kasify.Application.Access;
using Kasify.Application.Common;

namespace Kasify.Application.Tasks;

public sealed class GetTaskHandler(ICurrentUser current, PropertyAccess access, TaskReader reader)
{
    public async Task<TaskResponse> HandleAsync(Guid taskId, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (task, _, view) = await access.LoadTaskAsync(user, taskId, ct);
        return await reader.ReadOneAsync(task, view, ct);
    }
}
