namespace Kasify.Domain.Crew;

/// <summary>A user's crew membership on a property. The owner is not a member.</summary>
public sealed class PropertyMember
{
    private PropertyMember() { }

    public PropertyMember(Guid propertyId, Guid userId, AccessLevel accessLevel, CrewService? service, DateTime now)
    {
        if (accessLevel == AccessLevel.Owner) throw new ArgumentException("The owner is not a crew member.", nameof(accessLevel));
        PropertyId = propertyId;
        UserId = userId;
        AccessLevel = accessLevel;
        Service = service;
        JoinedAt = now;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PropertyId { get; private set; }
    public Guid UserId { get; private set; }
    public AccessLevel AccessLevel { get; private set; }
    public CrewService? Service { get; private set; }
    public DateTime JoinedAt { get; private set; }

    public void Change(AccessLevel accessLevel, CrewService? service)
    {
        if (accessLevel == AccessLevel.Owner) throw new ArgumentException("The owner is not a crew member.", nameof(accessLevel));
        AccessLevel = accessLevel;
        Service = service;
    }
}
