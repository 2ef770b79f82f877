using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Tasks;

/// <summary><c>GET /tasks</c> and <c>GET /properties/{id}/tasks</c>: what PropertyAccess lets the caller see, filtered and paged.</summary>
[CallerScope]
public sealed class ListTasksHandler(UseCaseCaller caller, PropertyAccess access, TaskReader reader)
{
    public async Task<TasksPage> HandleAsync(TaskFilters filters, CancellationToken ct)
    {
        var user = caller.User;
        var f = ValidTaskFilters.From(filters);
        var query = await access.VisibleTasksAsync(user, f.PropertyId, ct);

        // Staff see others' tasks stripped to id, from, to, property: a filter on any other field (or on cancellation)
        // must not tell them what the stripped fields hold, so it only ever matches tasks they see in full.
        var managed = access.ManagedPropertyIds(user);
        if (f.FiltersOnHiddenFields) query = query.Where(t => managed.Contains(t.PropertyId) || t.AssignedTo == user.Id);
        if (f.AssignedTo is { } assignee) query = query.Where(t => t.AssignedTo == assignee);
        if (f.Status is { } status) query = query.Where(t => t.Status == status);
        if (f.TaskType is { } type) query = query.Where(t => t.TaskType == type);
        if (f.ScheduledFrom is { } from) query = query.Where(t => t.To >= from);
        if (f.ScheduledTo is { } to) query = query.Where(t => t.From <= to);
        query = f.IncludeCancelled
            ? query.Where(t => t.Status != WorkTaskStatus.Cancelled || managed.Contains(t.PropertyId) || t.AssignedTo == user.Id)
            : query.Where(t => t.Status != WorkTaskStatus.Cancelled);

        var total = await query.CountAsync(ct);
        var tasks = await query.AsNoTracking().OrderBy(t => t.From).ThenBy(t => t.Id)
            .Skip(f.Page.Skip).Take(f.Page.Size).ToListAsync(ct);
        var roles = await access.RolesAsync(user, tasks.Select(t => t.PropertyId).Distinct().ToList(), ct);
        var views = await reader.ReadAsync(tasks,
            t => PropertyAccess.ViewOf(roles.TryGetValue(t.PropertyId, out var r) ? r : null, t.AssignedTo, user.Id), ct);
        return new TasksPage(views, f.Page.Page, f.Page.Size, total);
    }
}
