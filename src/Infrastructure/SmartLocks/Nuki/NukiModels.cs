namespace Kasify.Infrastructure.SmartLocks.Nuki;

// Only the fields we read; see shared/vendors.md §1.3–1.5.
internal sealed record NukiSmartlock(long SmartlockId, string? Name, int Type, int? ServerState, NukiSmartlockState? State);

internal sealed record NukiSmartlockState(int? Mode, int? State, bool? BatteryCritical, int? DoorState);

internal sealed record NukiAuth(
    string Id,
    long SmartlockId,
    int Type,
    string? Name,
    int? Code,
    bool Enabled,
    string? AllowedFromDate,
    string? AllowedUntilDate,
    string? OperationId,
    string? Error);

internal sealed record NukiErrorBody(string? DetailMessage, string? Description, string? ReasonPhrase);
