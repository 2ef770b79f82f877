using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Application.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Crew;

public sealed class ListCrewHandler(IKasifyDb db, ICurrentUser current, PropertyAccess access)
{
    public async Task<IReadOnlyList<PropertyMemberResponse>> HandleAsync(Guid propertyId, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        await access.RequireAsync(user, propertyId, PropertyAccess.OwnerOrManager, ct);
        return await CrewReader.Members(db, propertyId).ToListAsync(ct);
    }
}
