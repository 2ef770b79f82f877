using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Crew;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Crew;

/// <summary>Revoking deletes: the token then answers 404. A manager cannot revoke a manager's invitation.</summary>
[PropertyScope(AccessLevel.Owner, AccessLevel.Manager)]
public sealed class RevokeInvitationHandler(IKasifyDb db, UseCaseCaller caller)
{
    public async Task HandleAsync(Guid propertyId, Guid invitationId, CancellationToken ct)
    {
        var role = caller.RoleOn(propertyId);
        var invitation = await db.PropertyInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.PropertyId == propertyId, ct)
                         ?? throw new NotFoundException("Invitation");
        PropertyAccess.RequireMayInvite(role, invitation.AccessLevel);
        db.PropertyInvitations.Remove(invitation);
        await db.SaveChangesAsync(ct);
    }
}
