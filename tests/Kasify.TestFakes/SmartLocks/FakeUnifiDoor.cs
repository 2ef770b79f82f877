namespace Kasify.TestFakes.SmartLocks;

// A door in FakeUnifi (vendors.md §2.3). PositionStatus null = no door position sensor wired.
public sealed class FakeUnifiDoor
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public string FullName { get; set; } = string.Empty;

    public string FloorId { get; set; } = Guid.NewGuid().ToString();

    public bool IsBindHub { get; set; } = true;

    public string LockRelayStatus { get; set; } = "lock";

    public string? PositionStatus { get; set; } = "close";
}
