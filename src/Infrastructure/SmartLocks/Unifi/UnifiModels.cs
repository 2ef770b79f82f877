namespace Kasify.Infrastructure.SmartLocks.Unifi;

// Only the fields we read (vendors.md §2.3, §2.4). is_bind_hub is skipped: samples and docs disagree on its type.
internal sealed record UnifiDoor(
    string Id,
    string? Name,
    string? FullName,
    string? Type,
    string? DoorLockRelayStatus,
    string? DoorPositionStatus);

internal sealed record UnifiVisitor(string Id, string? FirstName, string? LastName, string? Remarks, string? Status,
    IReadOnlyList<UnifiResource>? Resources = null)
{
    /// <summary>A visitor of this door: listed among its resources (a console that lists none is taken at its word by name).</summary>
    public bool Opens(string doorId) =>
        Resources is null || Resources.Any(r => string.Equals(r.Id, doorId, StringComparison.Ordinal) && string.Equals(r.Type, "door", StringComparison.Ordinal));
}

internal sealed record UnifiResource(string Id, string? Type);

internal sealed record UnifiMintedToken(string ApiKey);
