using Kasify.Application.Common;
using Kasify.Application.Properties;
using Kasify.Domain.Crew;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Crew;

/// <summary>Body of <c>PATCH /properties/{id}/crew/{userId}</c>; a field left out keeps its value.</summary>
public sealed record MemberChange(AccessLevel? AccessLevel, CrewService? Service);

/// <summary>Nobody becomes owner through the crew: checked by the pipeline, after the caller's role.</summary>
public sealed class MemberChangeValidator : IRequestValidator<MemberChange>
{
    public void Validate(MemberChange change, Validation errors)
    {
        if (change.AccessLevel == AccessLevel.Owner) errors.Add("access_level", "access_level must be manager, staff or contractor.");
    }
}

/// <summary>Owner only: changes a member's access level and/or service.</summary>
[PropertyScope(AccessLevel.Owner)]
public sealed class ChangeMemberHandler(IKasifyDb db)
{
    public async Task<PropertyMemberResponse> HandleAsync(Guid propertyId, Guid userId, MemberChange change, CancellationToken ct)
    {
        var member = await db.PropertyMembers.SingleOrDefaultAsync(m => m.PropertyId == propertyId && m.UserId == userId, ct)
                     ?? throw new NotFoundException("Crew member");
        member.Change(change.AccessLevel ?? member.AccessLevel, change.Service ?? member.Service);
        await db.SaveChangesAsync(ct);
        return await CrewReader.Members(db, propertyId, userId).SingleAsync(ct);
    }
}
