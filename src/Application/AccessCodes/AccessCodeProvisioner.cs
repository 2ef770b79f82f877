using Kasify.Application.Common;
using Kasify.Application.Integrations;
using Kasify.Application.Jobs;
using Kasify.Application.Security;
using Kasify.Application.SmartLocks.Vendors;
using Kasify.Domain.AccessCodes;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;
using Kasify.Domain.SmartLocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kasify.Application.AccessCodes;

/// <summary>A lock where the booking's code could not be put (API.md §6 <c>failed_smartlocks</c>).</summary>
public sealed record LockFailure(Guid SmartLockId, string Name, string Error, bool Transient);

/// <summary>
/// Puts a booking's code on each lock of its property, at most once per booking and lock: the row (unique index) is
/// saved first, then claimed (<see cref="AccessCode.MarkSubmitted"/>, concurrency-checked) before the vendor call, and
/// the vendor is asked for a code of that name before a new one is created. Saves as it goes.
/// </summary>
public sealed class AccessCodeProvisioner(IKasifyDb db, SmartLockCredentialStore store, ISmartLockVendorRegistry vendors,
    ISecretProtector secrets, AccessCodeLog log, VendorFailures failures, IOutbox outbox, IOptions<AccessCodeOptions> options, TimeProvider time)
{
    /// <param name="reopen">Also start again codes that were revoked or failed (the host asks, or the stay was re-confirmed).</param>
    /// <param name="newPin">A reopened code gets a new PIN (the host asked); otherwise it keeps the booking's PIN on that lock.</param>
    public async Task<IReadOnlyList<LockFailure>> ProvisionAsync(Booking booking, Property property, CancellationToken ct, bool reopen = false,
        bool newPin = false)
    {
        var locks = await db.SmartLocks.Where(l => l.PropertyId == property.Id).OrderBy(l => l.Name).ThenBy(l => l.Id).ToListAsync(ct);
        var failed = new List<LockFailure>();
        foreach (var smartLock in locks)
        {
            try
            {
                await ProvisionOnLockAsync(booking, property, smartLock, reopen, newPin, ct);
            }
            catch (VendorException e)
            {
                failed.Add(new LockFailure(smartLock.Id, smartLock.Name, e.Reason, e.Kind == VendorErrorKind.Transient));
            }
        }
        return failed;
    }

    /// <summary>The lock name of a booking's code: "KSY-" and the random tail of the booking id (≤ 20 chars for Nuki).</summary>
    public static string LockNameFor(Guid bookingId) => "KSY-" + bookingId.ToString("N")[^12..].ToUpperInvariant();

    private async Task ProvisionOnLockAsync(Booking booking, Property property, SmartLock smartLock, bool reopen, bool newPin, CancellationToken ct)
    {
        var integration = await db.Integrations.SingleOrDefaultAsync(i => i.Id == smartLock.IntegrationId, ct)
            ?? throw new VendorException(smartLock.Vendor, VendorErrorKind.Rejected, "The lock's integration was removed.");
        var vendor = vendors.Get(smartLock.Vendor);
        var credentials = store.Read(integration);
        var code = await db.AccessCodes.SingleOrDefaultAsync(c => c.BookingId == booking.Id && c.SmartLockId == smartLock.Id, ct)
                   ?? await AddAsync(booking, property, smartLock, vendor, credentials, ct);
        if (reopen && code.Status is AccessCodeStatus.Revoked or AccessCodeStatus.Revoking or AccessCodeStatus.Failed)
            await ReopenAsync(booking, property, code, vendor, credentials, newPin, ct);
        if (!code.NeedsSubmitting) return; // active, awaiting its id, failed for good, or revoked: never created again

        code.MarkSubmitted(time.GetUtcNow().UtcDateTime);
        await SaveClaimAsync(ct);
        var creating = false;
        try
        {
            var existing = await vendor.FindCodeAsync(credentials, smartLock.ExternalId, code.LockName, ct);
            if (existing is not null)
            {
                code.Activate(existing);
                await log.CreatedAsync(code, ct);
            }
            else
            {
                creating = true;
                await CreateOnVendorAsync(booking, code, smartLock, vendor, credentials, ct);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (VendorException e) when (creating && e is { Kind: VendorErrorKind.Transient, InnerException: OperationCanceledException })
        {
            // No answer in time: the vendor may have created it. Look for it by name later rather than create it again.
            code.RecordError(e.Reason);
            await EnqueueCheckAsync(code, ct);
            await db.SaveChangesAsync(ct);
        }
        catch (VendorException e) when (e.Kind == VendorErrorKind.Transient)
        {
            code.SubmissionFailed(e.Reason);
            await db.SaveChangesAsync(ct);
            throw;
        }
        catch (VendorException e)
        {
            code.Fail(e.Reason);
            await log.FailedAsync(code, ct);
            if (e.Kind == VendorErrorKind.Unauthorized) await failures.IntegrationRefusedAsync(integration, e, ct);
            await db.SaveChangesAsync(ct);
            throw;
        }
    }

    private async Task CreateOnVendorAsync(Booking booking, AccessCode code, SmartLock smartLock, ISmartLockVendor vendor,
        IntegrationCredentials credentials, CancellationToken ct)
    {
        var request = new AccessCodeRequest(code.LockName, secrets.Unprotect(code.ProtectedPin),
            new DateTimeOffset(code.ValidFrom, TimeSpan.Zero), new DateTimeOffset(code.ValidUntil, TimeSpan.Zero),
            booking.GuestFirstName ?? "Guest", booking.GuestLastName ?? code.LockName);
        var result = await vendor.CreateCodeAsync(credentials, smartLock.ExternalId, request, ct);
        if (result.Pin != request.Pin) code.ReplacePin(secrets.Protect(result.Pin));
        switch (result)
        {
            case CodeCreateResult.Created created:
                code.Activate(created.ExternalCodeId);
                await log.CreatedAsync(code, ct);
                break;
            case CodeCreateResult.Pending:
                await EnqueueCheckAsync(code, ct);
                break;
        }
    }

    private Task EnqueueCheckAsync(AccessCode code, CancellationToken ct) =>
        outbox.EnqueueAsync(CheckAccessCode.Kind, new CheckAccessCode(code.Id), time.GetUtcNow().UtcDateTime + options.Value.CheckInterval,
            code.PropertyId, ct: ct);

    private async Task<AccessCode> AddAsync(Booking booking, Property property, SmartLock smartLock, ISmartLockVendor vendor,
        IntegrationCredentials credentials, CancellationToken ct)
    {
        var inUse = await PinsInUseAsync(smartLock.Id, ct);
        var pin = await vendor.GeneratePinAsync(credentials, smartLock.ExternalId, inUse, ct);
        var schedule = AccessCodeSchedule.For(booking, property, options.Value);
        var code = AccessCode.Create(booking.Id, property.Id, smartLock.Id, smartLock.Name, smartLock.IntegrationId, smartLock.Vendor,
            smartLock.ExternalId, LockNameFor(booking.Id), secrets.Protect(pin), schedule.ValidFrom, schedule.ValidUntil,
            time.GetUtcNow().UtcDateTime);
        db.AccessCodes.Add(code);
        await SaveClaimAsync(ct);
        return code;
    }

    private async Task ReopenAsync(Booking booking, Property property, AccessCode code, ISmartLockVendor vendor,
        IntegrationCredentials credentials, bool newPin, CancellationToken ct)
    {
        // What may still stand on the lock under this name (a failed code that arrived after all, a removal not yet
        // done) goes first, or the lookup by name would adopt it with its old window.
        var stale = code.ExternalCodeId ?? (code.SubmittedAt is null ? null : await vendor.FindCodeAsync(credentials, code.ExternalLockId, code.LockName, ct));
        if (stale is not null) await vendor.DeleteCodeAsync(credentials, code.ExternalLockId, stale, ct);
        var inUse = await PinsInUseAsync(code.SmartLockId, ct, except: code.Id);
        var keep = !newPin && !inUse.Contains(secrets.Unprotect(code.ProtectedPin));
        var pin = keep ? null : secrets.Protect(await vendor.GeneratePinAsync(credentials, code.ExternalLockId, inUse, ct));
        var schedule = AccessCodeSchedule.For(booking, property, options.Value);
        code.Reopen(schedule.ValidFrom, schedule.ValidUntil, pin);
        await SaveClaimAsync(ct);
    }

    private async Task<IReadOnlySet<string>> PinsInUseAsync(Guid smartLockId, CancellationToken ct, Guid? except = null)
    {
        var protectedPins = await db.AccessCodes.AsNoTracking()
            .Where(c => c.SmartLockId == smartLockId && c.Id != except && c.Status != AccessCodeStatus.Revoked && c.Status != AccessCodeStatus.Failed)
            .Select(c => c.ProtectedPin).ToListAsync(ct);
        return protectedPins.Select(secrets.Unprotect).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Another request or instance got there first (unique index or claim): it does the vendor call, not us.</summary>
    private async Task SaveClaimAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            throw new ConflictException("This booking's code is being provisioned by another request; try again in a moment.", e);
        }
    }
}
