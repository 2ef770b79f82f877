namespace Kasify.Application.AccessCodes;

/// <summary>
/// Payload of <c>access_code.provision</c>: put the booking's codes on every lock of its property (idempotent).
/// <see cref="Reopen"/>: the stay was re-confirmed, so codes revoked with its cancellation start again.
/// </summary>
public sealed record ProvisionAccessCodes(Guid BookingId, bool Reopen = false)
{
    public const string Kind = "access_code.provision";
}

/// <summary>
/// Payload of <c>access_code.check</c>: look for a submitted Nuki code by name to learn its id.
/// <see cref="Resume"/>: the sweep found the code submitted long ago with no check in flight (the process stopped between
/// the vendor call and our save); one lookup decides: found → active, missing → submitted again.
/// </summary>
public sealed record CheckAccessCode(Guid AccessCodeId, bool Resume = false)
{
    public const string Kind = "access_code.check";
}

/// <summary>Payload of <c>access_code.revoke</c>: remove the booking's codes when its stay is over or cancelled.</summary>
public sealed record RevokeAccessCodes(Guid BookingId)
{
    public const string Kind = "access_code.revoke";
}

/// <summary>Payload of <c>access_code.revoke_code</c>: remove one code (its lock left the property, or a revoke must be retried).</summary>
public sealed record RevokeAccessCode(Guid AccessCodeId)
{
    public const string Kind = "access_code.revoke_code";
}

/// <summary>Payload of <c>access_code.move</c>: the stay moved, move the codes' validity (same PIN).</summary>
public sealed record MoveAccessCodes(Guid BookingId)
{
    public const string Kind = "access_code.move";
}

/// <summary>Timeline kinds of access codes (docs/api.md §7).</summary>
public static class AccessCodeActivities
{
    public const string Created = "access_code.created";
    public const string Failed = "access_code.failed";
    public const string Revoked = "access_code.revoked";
}

/// <summary>
/// Payload of <c>access_code.remove_from_lock</c>: make sure no code of <see cref="LockName"/> stays on a lock after its
/// row was revoked without the lock confirming it (a Nuki code still being created, or a property deleted while the
/// lock was unreachable). Carries all it needs, so it outlives the code's row. Never carries the PIN.
/// </summary>
/// <param name="LookupsLeft">Lookups by name that must find nothing before the removal counts as confirmed.</param>
/// <param name="FailedAttempts">Consecutive attempts the vendor could not be reached (spaces out the next one).</param>
public sealed record RemoveCodeFromLock(Guid IntegrationId, string Vendor, string ExternalLockId, string LockName,
    string? ExternalCodeId, int LookupsLeft, int FailedAttempts = 0)
{
    public const string Kind = "access_code.remove_from_lock";
}
