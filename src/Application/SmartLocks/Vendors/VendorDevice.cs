namespace Kasify.Application.SmartLocks.Vendors;

// A lock (Nuki smartlock) or door (UniFi Access). Null = the vendor does not report it.
public sealed record VendorDevice(
    string ExternalId,
    string Name,
    string? FullName,
    string? Type,
    bool? Online,
    bool? Locked,
    bool? DoorOpen,
    bool? BatteryCritical,
    string? RawState);
