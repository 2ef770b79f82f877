using Kasify.Domain.Crew;
using Kasify.Application.Common;
using Kasify.Application.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Crew;

[PropertyScope(AccessLevel.Owner, AccessLevel.Manager)]
public sealed class ListCrewHandler(IKasifyDb db)
{
    public async Task<IReadOnlyList<PropertyMemberResponse>> HandleAsync(Guid propertyId, CancellationToken ct)
    {
        return await CrewReader.Members(db, propertyId).ToListAsync(ct);
    }
}
