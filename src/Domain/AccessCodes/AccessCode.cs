using Kasify.Domain.Common;

namespace Kasify.Domain.AccessCodes;

/// <summary>
/// The keypad code of one booking on one smart lock (at most one per pair: unique index). The lock's vendor, integration
/// and external id are copied so the code can still be revoked after the lock leaves the property.
/// <see cref="SubmittedAt"/> is set (and saved) before the vendor is asked to create it: a code submitted but not yet
/// seen on the lock is looked up by <see cref="LockName"/>, never created twice.
/// Its life: pending (to submit → submitted, awaiting the vendor's id) → active → revoking → revoked; any live code can
/// fail; a revoked, revoking or failed code can be reopened as pending. Anything else is refused (409).
/// </summary>
public sealed class AccessCode : AggregateRoot
{
    public const int MaxLockNameLength = 20;

    private AccessCode() { }

    public static AccessCode Create(Guid bookingId, Guid propertyId, Guid smartLockId, string smartLockName, Guid integrationId,
        string vendor, string externalLockId, string lockName, string protectedPin, DateTime validFrom, DateTime validUntil, DateTime now)
    {
        if (lockName.Length > MaxLockNameLength) throw new DomainRuleException($"A code's name on the lock is at most {MaxLockNameLength} characters.", isConflict: false);
        RequireWindow(validFrom, validUntil);
        return new AccessCode
        {
            BookingId = bookingId, PropertyId = propertyId, SmartLockId = smartLockId, SmartLockName = smartLockName,
            IntegrationId = integrationId, Vendor = vendor, ExternalLockId = externalLockId, LockName = lockName,
            ProtectedPin = protectedPin, ValidFrom = validFrom, ValidUntil = validUntil, CreatedAt = now, Status = AccessCodeStatus.Pending,
        };
    }

    public Guid BookingId { get; private set; }
    public Guid PropertyId { get; private set; }
    public Guid SmartLockId { get; private set; }
    public string SmartLockName { get; private set; } = "";
    public Guid IntegrationId { get; private set; }
    public string Vendor { get; private set; } = "";
    public string ExternalLockId { get; private set; } = "";
    /// <summary>The code's name on the lock (Nuki auth name, UniFi visitor remarks), e.g. <c>KSY-1A2B3C4D-1</c>.</summary>
    public string LockName { get; private set; } = "";
    /// <summary>The PIN, encrypted (ISecretProtector): UniFi never returns it.</summary>
    public string ProtectedPin { get; private set; } = "";
    public string? ExternalCodeId { get; private set; }
    public DateTime ValidFrom { get; private set; }
    public DateTime ValidUntil { get; private set; }
    public AccessCodeStatus Status { get; private set; }
    public string? LastError { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    /// <summary>How many times the lock was searched for a submitted code that has no id yet.</summary>
    public int Checks { get; private set; }

    public bool IsLive => Status is AccessCodeStatus.Pending or AccessCodeStatus.Active or AccessCodeStatus.Revoking;
    public bool NeedsSubmitting => Status == AccessCodeStatus.Pending && SubmittedAt is null;
    public bool AwaitsVendorId => Status == AccessCodeStatus.Pending && SubmittedAt is not null && ExternalCodeId is null;

    /// <summary>Claims the vendor call: saved before it, so a retry looks the code up instead of creating it again.</summary>
    public void MarkSubmitted(DateTime now)
    {
        if (!NeedsSubmitting) throw new DomainRuleException("This code was already submitted to the lock.");
        SubmittedAt = now;
        Version = Guid.NewGuid(); // the claim: a second instance saving the same claim fails its concurrency check
    }

    /// <summary>The vendor could not be reached, or never showed the code: nothing stands on the lock, the next attempt submits again.</summary>
    public void SubmissionFailed(string error)
    {
        if (!AwaitsVendorId) throw Illegal("be handed back for submitting", "only a submitted code without its id can");
        SubmittedAt = null;
        LastError = Trim(error);
    }

    /// <summary>The vendor created the code with another PIN than the one asked for (it chose its own).</summary>
    public void ReplacePin(string protectedPin)
    {
        if (Status != AccessCodeStatus.Pending) throw Illegal("change its PIN", "only a pending code can");
        ProtectedPin = protectedPin;
    }

    /// <summary>The lock holds the code under <paramref name="externalCodeId"/>.</summary>
    public void Activate(string externalCodeId)
    {
        if (!AwaitsVendorId) throw Illegal("become active", "only a submitted pending code can");
        ExternalCodeId = externalCodeId;
        Status = AccessCodeStatus.Active;
        LastError = null;
        Raise(new AccessCodeActivated(Id, BookingId, PropertyId, SmartLockName));
    }

    /// <summary>One more search of the lock found nothing yet; returns how many there were.</summary>
    public int RecordCheck()
    {
        if (!AwaitsVendorId) throw Illegal("be looked for on the lock", "only a submitted code without its id is");
        return ++Checks;
    }

    /// <summary>The lock refused what was asked of it, for good. A revoked code cannot fail.</summary>
    public void Fail(string reason)
    {
        if (Status == AccessCodeStatus.Revoked) throw Illegal("fail", "a revoked code is over");
        Status = AccessCodeStatus.Failed;
        LastError = Trim(reason);
        Raise(new AccessCodeFailed(Id, BookingId, PropertyId, SmartLockName, LastError));
    }

    /// <summary>The stay moved: the code is valid for its new window (same PIN). A revoked code keeps its window until reopened.</summary>
    public void MoveWindow(DateTime validFrom, DateTime validUntil)
    {
        if (Status == AccessCodeStatus.Revoked) throw Illegal("move its window", "reopen it first");
        RequireWindow(validFrom, validUntil);
        ValidFrom = validFrom;
        ValidUntil = validUntil;
    }

    /// <summary>
    /// A revoked, revoking or failed code is wanted again (re-confirmed stay, or the host asks): a fresh start on the lock
    /// with the same PIN, unless <paramref name="newProtectedPin"/> is given (the old one was taken meanwhile).
    /// </summary>
    public void Reopen(DateTime validFrom, DateTime validUntil, string? newProtectedPin = null)
    {
        if (Status is not (AccessCodeStatus.Revoked or AccessCodeStatus.Revoking or AccessCodeStatus.Failed))
            throw new DomainRuleException("Only a revoked or failed code can be reopened.");
        RequireWindow(validFrom, validUntil);
        ValidFrom = validFrom;
        ValidUntil = validUntil;
        if (newProtectedPin is not null) ProtectedPin = newProtectedPin;
        Status = AccessCodeStatus.Pending;
        ExternalCodeId = null;
        SubmittedAt = null;
        RevokedAt = null;
        LastError = null;
        Checks = 0;
    }

    /// <summary>The removal could not be confirmed yet (the lock is unreachable): retried. Nothing to do for a revoked code.</summary>
    public void StartRevoking()
    {
        if (Status == AccessCodeStatus.Revoked) return;
        Status = AccessCodeStatus.Revoking;
    }

    /// <summary>Gone from the lock, or nothing can reach the lock any more; <paramref name="note"/> says what may be left.</summary>
    public void MarkRevoked(DateTime now, string? note = null) => Revoke(now, note, AccessCodeRevocation.Removed);

    /// <summary>Its property is being deleted: revoked whatever the lock said (<paramref name="note"/>).</summary>
    public void RevokeWithProperty(DateTime now, string? note = null) => Revoke(now, note, AccessCodeRevocation.WithProperty);

    /// <summary>A failed code that never reached its lock goes with the booking's other codes, keeping its error.</summary>
    public void CloseUnsubmitted(DateTime now)
    {
        if (Status != AccessCodeStatus.Failed || SubmittedAt is not null) throw Illegal("be closed unsubmitted", "only a failed code never submitted can");
        Revoke(now, LastError, AccessCodeRevocation.NeverSubmitted);
    }

    /// <summary>A note on the code (the last vendor error) that changes nothing else.</summary>
    public void RecordError(string error) => LastError = Trim(error);

    private void Revoke(DateTime now, string? note, AccessCodeRevocation revocation)
    {
        if (Status == AccessCodeStatus.Revoked) throw Illegal("be revoked", "it already is");
        Status = AccessCodeStatus.Revoked;
        RevokedAt = now;
        LastError = note is null ? null : Trim(note);
        Raise(new AccessCodeRevoked(Id, BookingId, PropertyId, SmartLockName, revocation));
    }

    private static void RequireWindow(DateTime validFrom, DateTime validUntil)
    {
        if (validFrom >= validUntil) throw new DomainRuleException("A code must be valid for some time (from < until).", isConflict: false);
    }

    private DomainRuleException Illegal(string action, string rule) =>
        new($"An access code that is {Status.ToString().ToLowerInvariant()} cannot {action}: {rule}.");

    private static string Trim(string text) => text.Length > 1000 ? text[..1000] : text;
}
