using Kasify.Application.Common;
using Kasify.Application.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Crew;

/// <summary>Crew members as <c>PropertyMember</c>s (docs/api.md §4), in the order they joined.</summary>
public static class CrewReader
{
    public static IQueryable<PropertyMemberResponse> Members(IKasifyDb db, Guid propertyId, Guid? userId = null) =>
        from m in db.PropertyMembers.AsNoTracking()
        join u in db.Users.AsNoTracking() on m.UserId equals u.Id
        where m.PropertyId == propertyId && (userId == null || m.UserId == userId)
        orderby m.JoinedAt
        select new PropertyMemberResponse(u.Id, u.Name, u.LastName, u.Email, m.AccessLevel, m.Service);
}
