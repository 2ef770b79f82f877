using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Tasks;

/// <summary>Builds <see cref="TaskResponse"/>s, full or stripped as <see cref="PropertyAccess"/> decided.</summary>
public sealed class TaskReader(IKasifyDb db, IPublicUrls urls, NextBookings nextBookings)
{
    public async Task<IReadOnlyList<TaskResponse>> ReadAsync(IReadOnlyList<PropertyTask> tasks, Func<PropertyTask, TaskView> viewOf, CancellationToken ct)
    {
        if (tasks.Count == 0) return [];
        var propertyIds = tasks.Select(t => t.PropertyId).Distinct().ToList();
        var properties = await db.Properties.AsNoTracking().Where(p => propertyIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.Name, p.TimeZone }, ct);
        var assigneeIds = tasks.Where(t => t.AssignedTo is not null).Select(t => t.AssignedTo!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => assigneeIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var cleaningInFull = tasks.Where(t => t.TaskType == TaskType.Cleaning && viewOf(t) == TaskView.Full).ToList();
        var nextStays = await nextBookings.AfterAllAsync(cleaningInFull, id => properties[id].TimeZone, ct);

        var result = new List<TaskResponse>(tasks.Count);
        foreach (var t in tasks)
        {
            var property = properties[t.PropertyId];
            var reference = new TaskPropertyRef(t.PropertyId, property.Name);
            if (viewOf(t) != TaskView.Full)
            {
                result.Add(new TaskResponse(t.Id, reference, null, null, null, null, t.From, t.To, null, null, null, null, null, null, null, null, null, null));
                continue;
            }
            var next = nextStays.GetValueOrDefault(t.Id);
            result.Add(new TaskResponse(t.Id, reference, t.TaskType, t.Status, t.AssignedTo,
                t.AssignedTo is { } a ? names.GetValueOrDefault(a) : null, t.From, t.To, t.CreatedAt, t.BookingId, t.Notes, t.JobReport,
                t.StartedAt, t.CompletedAt, t.CancelledAt, t.PublicToken, urls.PublicTask(t.PublicToken), next));
        }
        return result;
    }

    public async Task<TaskResponse> ReadOneAsync(PropertyTask task, TaskView view, CancellationToken ct) =>
        (await ReadAsync([task], _ => view, ct)).Single();
}
