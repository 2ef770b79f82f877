using Kasify.Domain.Crew;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Properties;

/// <summary>Adds crew straight to the database until the crew endpoints exist (issue: crew and roles).</summary>
public static class CrewSeeding
{
    public static Task AddMemberAsync(this KasifyApiFactory api, Guid propertyId, Guid userId, AccessLevel level, CrewService? service = null) =>
        api.WithDbAsync(async db =>
        {
            db.PropertyMembers.Add(new PropertyMember(propertyId, userId, level, service, api.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });
}
