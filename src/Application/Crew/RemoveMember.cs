using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.Crew;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Crew;

/// <summary>
/// Owner only. The member's open tasks on this property go to the default cleaner, else the owner; if the member
/// was the default cleaner, the property has none afterwards (and their tasks go to the owner).
/// </summary>
[PropertyScope(AccessLevel.Owner)]
public sealed class RemoveMemberHandler(IKasifyDb db, PropertyAccess access, ActivityLog log)
{
    public async Task HandleAsync(Guid propertyId, Guid userId, CancellationToken ct)
    {
        var property = await access.LoadForChangeAsync(propertyId, ct);
        var member = await db.PropertyMembers.SingleOrDefaultAsync(m => m.PropertyId == propertyId && m.UserId == userId, ct)
                     ?? throw new NotFoundException("Crew member");
        var removed = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);

        property.ForgetDefaultCleaner(userId);
        var fallback = property.DefaultCleanerId ?? await access.OwnerUserIdAsync(propertyId, ct);
        var openTasks = await db.Tasks.Where(t => t.PropertyId == propertyId && t.AssignedTo == userId
                && (t.Status == Domain.Tasks.WorkTaskStatus.Pending || t.Status == Domain.Tasks.WorkTaskStatus.InProgress))
            .ToListAsync(ct);
        foreach (var task in openTasks) task.AssignTo(fallback);

        db.PropertyMembers.Remove(member);
        await log.WriteAsync("member.removed", $"{removed.DisplayName} removed from the crew", "member", userId, propertyId, property.Name, ct);
        await db.SaveChangesAsync(ct);
    }
}
