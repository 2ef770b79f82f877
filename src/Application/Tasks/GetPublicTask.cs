using Kasify.Application.Common;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Tasks;

/// <summary>No account needed: the unguessable token is the key. Unknown → 404.</summary>
public sealed class GetPublicTaskHandler(IKasifyDb db, NextBookings nextBookings, TypeAdapterConfig mapping)
{
    public async Task<PublicTaskResponse> HandleAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) throw new NotFoundException("Task");
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.PublicToken == token, ct) ?? throw new NotFoundException("Task");
        var property = await db.Properties.AsNoTracking().SingleAsync(p => p.Id == task.PropertyId, ct);
        var next = await nextBookings.AfterAsync(task, property.TimeZone, ct);
        return new PublicTaskResponse(task.TaskType, task.Status, task.From, task.To,
            property.Adapt<PublicTaskProperty>(mapping), task.Notes, next);
    }
}
