using Kasify.Domain.Crew;
using Kasify.Application.Common;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Crew;

/// <summary>Every invitation of the property, expired and used-up ones included, newest first.</summary>
[PropertyScope(AccessLevel.Owner, AccessLevel.Manager)]
public sealed class ListInvitationsHandler(IKasifyDb db, TypeAdapterConfig mapping)
{
    public async Task<IReadOnlyList<InvitationResponse>> HandleAsync(Guid propertyId, CancellationToken ct) =>
        await db.PropertyInvitations.AsNoTracking().Where(i => i.PropertyId == propertyId)
            .OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id)
            .ProjectToType<InvitationResponse>(mapping)
            .ToListAsync(ct);
}
