using Kasify.Domain.Common;

namespace Kasify.Domain.AccessCodes;

/// <summary>The lock holds the code and we know its id on the vendor: it opens the door during its window.</summary>
public sealed record AccessCodeActivated(Guid AccessCodeId, Guid BookingId, Guid PropertyId, string SmartLockName) : IDomainEvent;

/// <summary>The lock refused the code, never showed it, or would not change or remove it; <paramref name="Reason"/> says which.</summary>
public sealed record AccessCodeFailed(Guid AccessCodeId, Guid BookingId, Guid PropertyId, string SmartLockName, string Reason) : IDomainEvent;

/// <summary>The code is revoked for good (until reopened); <paramref name="Revocation"/> tells how it ended.</summary>
public sealed record AccessCodeRevoked(Guid AccessCodeId, Guid BookingId, Guid PropertyId, string SmartLockName,
    AccessCodeRevocation Revocation) : IDomainEvent;

/// <summary>How a code came to be revoked.</summary>
public enum AccessCodeRevocation
{
    /// <summary>Removed from its lock (or its integration is gone, and with it any way to reach the lock).</summary>
    Removed,

    /// <summary>Revoked with its property, which is being deleted.</summary>
    WithProperty,

    /// <summary>A failed code that never reached its lock, closed with its booking's other codes: nothing was removed.</summary>
    NeverSubmitted,
}
