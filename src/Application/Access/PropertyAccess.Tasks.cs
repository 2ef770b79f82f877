using Kasify.Application.Common;
using Kasify.Domain.Accounts;
using Kasify.Domain.Crew;
using Kasify.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Access;

/// <summary>How much of a task a caller sees (docs/api.md §2 "tasks").</summary>
public enum TaskView { Hidden, Stripped, Full }

/// <summary>Tasks (docs/api.md §2 and §13).</summary>
public sealed partial class PropertyAccess
{
    /// <summary>Owner and manager see every task; staff see theirs and a stripped view of the others; contractors only theirs.</summary>
    public static TaskView ViewOf(AccessLevel? role, Guid? assignedTo, Guid userId) => role switch
    {
        AccessLevel.Owner or AccessLevel.Manager => TaskView.Full,
        _ when role is not null && assignedTo == userId => TaskView.Full,
        AccessLevel.Staff => TaskView.Stripped,
        _ => TaskView.Hidden,
    };

    /// <summary>Loads a task the caller may see (404 otherwise), with the caller's role and view.</summary>
    public async Task<(PropertyTask Task, AccessLevel Role, TaskView View)> LoadTaskAsync(User user, Guid taskId, CancellationToken ct)
    {
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new NotFoundException("Task");
        var role = await RoleAsync(user, task.PropertyId, ct);
        var view = ViewOf(role, task.AssignedTo, user.Id);
        if (view == TaskView.Hidden) throw new NotFoundException("Task");
        return (task, role!.Value, view);
    }

    /// <summary>Create and delete tasks: owner and manager.</summary>
    public static void RequireMayManageTasks(AccessLevel role)
    {
        if (role is not (AccessLevel.Owner or AccessLevel.Manager))
            throw new ForbiddenException("Only the owner or a manager may create or delete tasks.");
    }

    /// <summary>Start and complete: the assignee or the owner.</summary>
    public static void RequireMayWorkOn(AccessLevel role, PropertyTask task, Guid userId)
    {
        if (role != AccessLevel.Owner && task.AssignedTo != userId)
            throw new ForbiddenException("Only the task's assignee or the owner may start or complete it.");
    }

    /// <summary>PATCH: the owner changes every field; a manager or the assignee only <c>job_report</c>; others nothing.</summary>
    public static void RequireMayPatch(AccessLevel role, PropertyTask task, Guid userId, bool onlyJobReport)
    {
        if (role == AccessLevel.Owner) return;
        var mayReport = role == AccessLevel.Manager || task.AssignedTo == userId;
        if (!mayReport) throw new ForbiddenException("Only the owner, a manager or the assignee may change this task.");
        if (!onlyJobReport) throw new ForbiddenException("Only the owner may change anything but job_report.");
    }

    /// <summary>
    /// Tasks listed to the caller. With a property: what their role there lets them see (staff: all, stripped later;
    /// contractor: theirs). Without: every task of the properties they own or manage, plus the tasks assigned to them.
    /// </summary>
    public async Task<IQueryable<PropertyTask>> VisibleTasksAsync(User user, Guid? propertyId, CancellationToken ct)
    {
        if (propertyId is { } id)
        {
            var role = await RequireAsync(user, id, Anyone, ct);
            var tasks = db.Tasks.Where(t => t.PropertyId == id);
            return role == AccessLevel.Contractor ? tasks.Where(t => t.AssignedTo == user.Id) : tasks;
        }
        var managed = ManagedPropertyIds(user);
        var visible = VisiblePropertyIds(user); // a former member keeps no view of tasks still assigned to them
        return db.Tasks.Where(t => managed.Contains(t.PropertyId) || (t.AssignedTo == user.Id && visible.Contains(t.PropertyId)));
    }

    /// <summary>The caller's role on each of <paramref name="propertyIds"/> (absent when none).</summary>
    public async Task<Dictionary<Guid, AccessLevel>> RolesAsync(User user, IReadOnlyCollection<Guid> propertyIds, CancellationToken ct)
    {
        var owned = await db.Properties.Where(p => propertyIds.Contains(p.Id) && p.AccountId == user.AccountId).Select(p => p.Id).ToListAsync(ct);
        var roles = await db.PropertyMembers.Where(m => propertyIds.Contains(m.PropertyId) && m.UserId == user.Id)
            .ToDictionaryAsync(m => m.PropertyId, m => m.AccessLevel, ct);
        foreach (var id in owned) roles[id] = AccessLevel.Owner;
        return roles;
    }
}
