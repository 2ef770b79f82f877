namespace Kasify.Infrastructure.SmartLocks.Unifi;

// Only the fields we read (vendors.md §2.3, §2.4). is_bind_hub is skipped: samples and docs disagree on its type.
internal sealed record UnifiDoor(
    string Id,
    string? Name,
    string? FullName,
    string? Type,
    string? DoorLockRelayStatus,
    string? DoorPositionStatus);

internal sealed record UnifiVisitor(string Id, string? FirstName, string? LastName, string? Remarks, string? Status);

internal sealed record UnifiMintedToken(string ApiKey);
