namespace Kasify.Domain.SmartLocks;

/// <summary>A vendor lock (Nuki smartlock, UniFi door) assigned to one property.</summary>
public sealed class SmartLock
{
    private SmartLock() { }

    public SmartLock(Guid propertyId, Guid integrationId, string vendor, string externalId, string name, DateTime now)
    {
        PropertyId = propertyId;
        IntegrationId = integrationId;
        Vendor = vendor;
        ExternalId = externalId;
        Name = name;
        CreatedAt = now;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PropertyId { get; private set; }
    public Guid IntegrationId { get; private set; }
    public string Vendor { get; private set; } = "";
    public string ExternalId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
