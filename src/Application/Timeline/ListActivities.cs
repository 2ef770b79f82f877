using Kasify.Application.Access;
using Kasify.Application.Common;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Timeline;

/// <summary>
/// GET /timeline/activity: newest first. Owners, managers and staff see the property's activities (summaries never
/// carry guest data); contractors only those about tasks assigned to them (<see cref="ITaskTimelineSource"/>).
/// </summary>
[CallerScope]
public sealed class ListActivitiesHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, ITaskTimelineSource tasks,
    TypeAdapterConfig mapping)
{
    public async Task<ActivitiesPage> HandleAsync(int? page, int? size, Guid? propertyId, CancellationToken ct)
    {
        var paging = PageRequest.From(page, size);
        var user = caller.User;
        if (propertyId is { } id) await access.RequireAsync(user, id, PropertyAccess.Anyone, ct);

        var readable = access.PropertyIdsWhere(user, PropertyAccess.BookingReaders);
        var asContractor = access.PropertyIdsWhere(user, [Domain.Crew.AccessLevel.Contractor]);
        var ownTasks = tasks.TaskIdsAssignedTo(user);
        var query = db.Activities.AsNoTracking().Where(a => a.PropertyId != null
            && (readable.Contains(a.PropertyId.Value)
                || (asContractor.Contains(a.PropertyId.Value) && a.SubjectType == "task" && ownTasks.Contains(a.SubjectId))));
        if (propertyId is { } only) query = query.Where(a => a.PropertyId == only);

        var total = await query.CountAsync(ct);
        // The page is cut on ids alone, then only its rows are read whole: SQLite sorts narrow rows instead of every
        // visible activity with its summary (the cost grew with the caller's properties). Still one SQL command.
        var pageIds = query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.Size).Select(a => a.Id);
        var activities = await db.Activities.AsNoTracking().Where(a => pageIds.Contains(a.Id))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .ProjectToType<ActivityResponse>(mapping)
            .ToListAsync(ct);
        var roles = await access.RolesAsync(user, activities.Select(a => a.PropertyId!.Value).Distinct().ToList(), ct);
        var redacted = activities.Select(a => a with
        {
            Summary = ActivityRedaction.SummaryFor(roles.TryGetValue(a.PropertyId!.Value, out var role) ? role : null, a.Kind, a.Summary),
        }).ToList();
        return new ActivitiesPage(redacted, paging.Page, paging.Size, total);
    }
}
