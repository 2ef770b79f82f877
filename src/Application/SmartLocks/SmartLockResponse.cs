namespace Kasify.Application.SmartLocks;

/// <summary><c>GET /properties/{id}/smart-locks</c> item (docs/api.md §12).</summary>
public sealed record SmartLockResponse(Guid Id, string Vendor, string Name, Guid IntegrationId, string ExternalId, SmartLockStatus Status);

/// <summary>Live status; null fields = unknown. A vendor failure or timeout fills <see cref="Error"/>.</summary>
public sealed record SmartLockStatus(bool? Online, bool? Locked, bool? DoorOpen, bool? BatteryCritical, DateTime FetchedAt, string? Error);

/// <summary>Body of <c>POST /properties/{id}/smart-locks</c>.</summary>
public sealed record AddSmartLockRequest(Guid? IntegrationId, string? ExternalId, string? Name);
