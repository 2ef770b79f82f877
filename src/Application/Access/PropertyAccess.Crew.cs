using Kasify.Application.Common;
using Kasify.Domain.Crew;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Access;

/// <summary>Crew and invitations (docs/api.md §2 and §11).</summary>
public sealed partial class PropertyAccess
{
    /// <summary>Who may invite whom: the owner anyone; a manager only staff and contractors.</summary>
    public static void RequireMayInvite(AccessLevel role, AccessLevel invited)
    {
        if (role == AccessLevel.Owner) return;
        if (role == AccessLevel.Manager && invited is AccessLevel.Staff or AccessLevel.Contractor) return;
        throw new ForbiddenException(role == AccessLevel.Manager
            ? "Only the owner may invite a manager."
            : "Only the owner or a manager may invite crew.");
    }

    /// <summary>The user id of the property's owner (the account's owner).</summary>
    public Task<Guid> OwnerUserIdAsync(Guid propertyId, CancellationToken ct) =>
        db.Properties.Where(p => p.Id == propertyId)
            .Join(db.Accounts, p => p.AccountId, a => a.Id, (p, a) => a.OwnerUserId)
            .SingleAsync(ct);

    /// <summary>True when <paramref name="userId"/> is the property's owner or on its crew.</summary>
    public async Task<bool> IsOwnerOrMemberAsync(Guid propertyId, Guid userId, CancellationToken ct) =>
        await OwnerUserIdAsync(propertyId, ct) == userId
        || await db.PropertyMembers.AnyAsync(m => m.PropertyId == propertyId && m.UserId == userId, ct);
}
