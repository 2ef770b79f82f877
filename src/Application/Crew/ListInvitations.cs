using Kasify.Application.Access;
using Kasify.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Crew;

/// <summary>Every invitation of the property, expired and used-up ones included, newest first.</summary>
public sealed class ListInvitationsHandler(IKasifyDb db, ICurrentUser current, PropertyAccess access)
{
    public async Task<IReadOnlyList<InvitationResponse>> HandleAsync(Guid propertyId, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        await access.RequireAsync(user, propertyId, PropertyAccess.OwnerOrManager, ct);
        var invitations = await db.PropertyInvitations.AsNoTracking().Where(i => i.PropertyId == propertyId)
            .OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(ct);
        return invitations.Select(InvitationResponse.From).ToList();
    }
}
