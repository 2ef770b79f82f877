using Kasify.Application.Common;
using Kasify.Application.Integrations;
using Kasify.Application.Jobs;
using Kasify.Application.SmartLocks.Vendors;
using Kasify.Domain.AccessCodes;
using Kasify.Domain.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kasify.Application.AccessCodes;

/// <summary>
/// Removes a code from its lock. A code submitted but never given an id is looked up by name first; a code already
/// gone counts as removed. A submitted code the lock does not show yet (Nuki creates asynchronously) may still appear:
/// an <c>access_code.remove_from_lock</c> job keeps looking for it. Does not save: callers save (and may rethrow a
/// transient failure to be retried).
/// </summary>
public sealed class AccessCodeRevoker(IKasifyDb db, SmartLockCredentialStore store, ISmartLockVendorRegistry vendors,
    VendorFailures failures, IOutbox outbox, IOptions<AccessCodeOptions> options, TimeProvider time)
{
    /// <exception cref="VendorException">Transient: the code stays <c>revoking</c> for a retry.</exception>
    public async Task RevokeAsync(AccessCode code, CancellationToken ct)
    {
        if (code.Status == AccessCodeStatus.Revoked) return;
        var integration = await db.Integrations.SingleOrDefaultAsync(i => i.Id == code.IntegrationId, ct);
        if (integration is null)
        {
            code.MarkRevoked(Now, "The lock's integration was removed.");
            return;
        }

        try
        {
            await RemoveFromLockAsync(code, integration, ct);
            code.MarkRevoked(Now);
        }
        catch (VendorException e) when (e.Kind == VendorErrorKind.Transient)
        {
            code.StartRevoking();
            code.RecordError(e.Reason);
            throw;
        }
        catch (VendorException e)
        {
            code.Fail($"Could not remove the code from the lock: {e.Reason}");
            if (e.Kind == VendorErrorKind.Unauthorized) await failures.IntegrationRefusedAsync(integration, e, ct);
        }
    }

    /// <summary>For an integration being deleted: try once, and revoke on our side whatever the vendor says.</summary>
    public async Task RevokeBestEffortAsync(AccessCode code, Integration integration, CancellationToken ct)
    {
        if (code.Status == AccessCodeStatus.Revoked) return;
        try
        {
            await RemoveFromLockAsync(code, integration, ct);
            code.MarkRevoked(Now);
        }
        catch (Exception e) when (e is VendorException or System.Security.Cryptography.CryptographicException)
        {
            code.MarkRevoked(Now,
                $"Removed while the lock could not be reached; the lock may still hold the code: {(e as VendorException)?.Reason ?? "credentials unreadable"}");
        }
    }

    /// <summary>
    /// For a property being deleted: try now; a lock that cannot be reached gets an <c>access_code.remove_from_lock</c>
    /// job that outlives the code's row and retries until the lock confirms the code is gone.
    /// </summary>
    public async Task RevokeForDeletedPropertyAsync(AccessCode code, Integration integration, CancellationToken ct)
    {
        if (code.Status == AccessCodeStatus.Revoked) return;
        try
        {
            await RemoveFromLockAsync(code, integration, ct);
            code.RevokeWithProperty(Now);
        }
        catch (VendorException e) when (e.Kind == VendorErrorKind.Transient)
        {
            code.RevokeWithProperty(Now, $"The lock could not be reached; its removal is retried: {e.Reason}");
            var lookups = code.ExternalCodeId is null ? options.Value.MaxChecks : 1;
            await outbox.EnqueueAsync(RemoveCodeFromLock.Kind,
                new RemoveCodeFromLock(code.IntegrationId, code.Vendor, code.ExternalLockId, code.LockName, code.ExternalCodeId, lookups),
                Now, propertyId: null, ct: ct);
        }
        catch (Exception e) when (e is VendorException or System.Security.Cryptography.CryptographicException)
        {
            code.RevokeWithProperty(Now,
                $"Removed while the lock refused it; the lock may still hold the code: {(e as VendorException)?.Reason ?? "credentials unreadable"}");
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Deletes the code on its lock (or has a job keep looking for one not shown yet); changes nothing on our side.</summary>
    private async Task RemoveFromLockAsync(AccessCode code, Integration integration, CancellationToken ct)
    {
        var vendor = vendors.Get(code.Vendor);
        var credentials = store.Read(integration);
        var awaitingId = code.ExternalCodeId is null && code.SubmittedAt is not null;
        var externalId = code.ExternalCodeId
                         ?? (awaitingId ? await vendor.FindCodeAsync(credentials, code.ExternalLockId, code.LockName, ct) : null);
        if (externalId is not null)
        {
            try
            {
                await vendor.DeleteCodeAsync(credentials, code.ExternalLockId, externalId, ct);
            }
            catch (VendorException e) when (e.Kind == VendorErrorKind.NotFound)
            {
                // already gone
            }
        }
        else if (awaitingId)
        {
            // Not on the lock *yet*: a Nuki code accepted without an id can still appear. Keep looking, and remove it then.
            await outbox.EnqueueAsync(RemoveCodeFromLock.Kind,
                new RemoveCodeFromLock(code.IntegrationId, code.Vendor, code.ExternalLockId, code.LockName, null, options.Value.MaxChecks),
                Now + options.Value.CheckInterval, propertyId: null, ct: ct);
        }
    }
}
