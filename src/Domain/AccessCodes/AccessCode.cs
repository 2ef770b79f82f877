using Kasify.Domain.Common;

namespace Kasify.Domain.AccessCodes;

/// <summary>
/// The keypad code of one booking on one smart lock (at most one per pair: unique index). The lock's vendor, integration
/// and external id are copied so the code can still be revoked after the lock leaves the property.
/// <see cref="SubmittedAt"/> is set (and saved) before the vendor is asked to create it: a code submitted but not yet
/// seen on the lock is looked up by <see cref="LockName"/>, never created twice.
/// </summary>
public sealed class AccessCode
{
    public const int MaxLockNameLength = 20;

    private AccessCode() { }

    public static AccessCode Create(Guid bookingId, Guid propertyId, Guid smartLockId, string smartLockName, Guid integrationId,
        string vendor, string externalLockId, string lockName, string protectedPin, DateTime validFrom, DateTime validUntil, DateTime now)
    {
        if (lockName.Length > MaxLockNameLength) throw new DomainRuleException($"A code's name on the lock is at most {MaxLockNameLength} characters.", isConflict: false);
        if (validFrom >= validUntil) throw new DomainRuleException("A code must be valid for some time (from < until).", isConflict: false);
        return new AccessCode
        {
            BookingId = bookingId, PropertyId = propertyId, SmartLockId = smartLockId, SmartLockName = smartLockName,
            IntegrationId = integrationId, Vendor = vendor, ExternalLockId = externalLockId, LockName = lockName,
            ProtectedPin = protectedPin, ValidFrom = validFrom, ValidUntil = validUntil, CreatedAt = now, Status = AccessCodeStatus.Pending,
        };
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
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
    public Guid Version { get; set; } = Guid.NewGuid();

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

    /// <summary>The vendor could not be reached: nothing was created, the next attempt submits again.</summary>
    public void SubmissionFailed(string error)
    {
        SubmittedAt = null;
        LastError = Trim(error);
    }

    /// <summary>
    /// A revoked, revoking or failed code is wanted again (re-confirmed stay, or the host asks): a fresh start on the lock
    /// with the same PIN, unless <paramref name="newProtectedPin"/> is given (the old one was taken meanwhile).
    /// </summary>
    public void Reopen(DateTime validFrom, DateTime validUntil, string? newProtectedPin = null)
    {
        if (Status is not (AccessCodeStatus.Revoked or AccessCodeStatus.Revoking or AccessCodeStatus.Failed))
            throw new DomainRuleException("Only a revoked or failed code can be reopened.");
        MoveWindow(validFrom, validUntil);
        if (newProtectedPin is not null) ProtectedPin = newProtectedPin;
        Status = AccessCodeStatus.Pending;
        ExternalCodeId = null;
        SubmittedAt = null;
        RevokedAt = null;
        LastError = null;
        Checks = 0;
    }

    public void ReplacePin(string protectedPin) => ProtectedPin = protectedPin;

    public void Activate(string externalCodeId)
    {
        ExternalCodeId = externalCodeId;
        if (Status == AccessCodeStatus.Pending) Status = AccessCodeStatus.Active;
        LastError = null;
    }

    public int RecordCheck() => ++Checks;

    public void Fail(string reason)
    {
        Status = AccessCodeStatus.Failed;
        LastError = Trim(reason);
    }

    public void MoveWindow(DateTime validFrom, DateTime validUntil)
    {
        if (validFrom >= validUntil) throw new DomainRuleException("A code must be valid for some time (from < until).", isConflict: false);
        ValidFrom = validFrom;
        ValidUntil = validUntil;
    }

    public void StartRevoking()
    {
        if (Status == AccessCodeStatus.Revoked) return;
        Status = AccessCodeStatus.Revoking;
    }

    public void MarkRevoked(DateTime now, string? note = null)
    {
        Status = AccessCodeStatus.Revoked;
        RevokedAt ??= now;
        LastError = note is null ? null : Trim(note);
    }

    public void RecordError(string error) => LastError = Trim(error);

    private static string Trim(string text) => text.Length > 1000 ? text[..1000] : text;
}
