namespace Kasify.Simulation.World;

public sealed record SimLock(string Vendor, string ExternalId, string Name)
{
    public Guid LockId { get; set; }
}

/// <summary>A generated property: its host, feeds, locks and the stays of its calendar.</summary>
public sealed class SimProperty
{
    public required int Index { get; init; }
    public string Subject => $"host-{Index:D4}";
    public Guid PropertyId { get; set; }
    public string AirbnbPath => $"/airbnb/{Index}.ics";
    public string? BookingComPath { get; init; }
    public required string LockVendor { get; init; }
    public List<SimLock> Locks { get; } = [];
    public List<Stay> Stays { get; } = [];
    /// <summary>Bumped whenever one of its stays changes, so the feeds are rebuilt only then.</summary>
    public int Version { get; set; }
    /// <summary>The SES establishment code the host entered, or null (the property reports nothing).</summary>
    public string? SesEstablishmentCode { get; set; }
    public string TimeZone => "Europe/Madrid";
    public TimeOnly CheckinTime => new(15, 30);
    public TimeOnly CheckoutTime => new(10, 0);
}
