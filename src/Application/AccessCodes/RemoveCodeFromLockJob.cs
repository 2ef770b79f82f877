using Kasify.Application.Common;
using Kasify.Application.Integrations;
using Kasify.Application.Jobs;
using Kasify.Application.SmartLocks.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kasify.Application.AccessCodes;

/// <summary>
/// The <c>access_code.remove_from_lock</c> job: deletes the code from the lock (by id, else by name) and then looks it up
/// by name until <see cref="RemoveCodeFromLock.LookupsLeft"/> lookups in a row found nothing, one every
/// <see cref="AccessCodeOptions.CheckInterval"/>. While the vendor cannot be reached it comes back with a growing
/// delay (capped), for as long as the integration exists: a PIN left on a lock opens a door.
/// </summary>
public sealed class RemoveCodeFromLockJob(IKasifyDb db, SmartLockCredentialStore store, ISmartLockVendorRegistry vendors, IOutbox outbox,
    IOptions<AccessCodeOptions> options, TimeProvider time, ILogger<RemoveCodeFromLockJob> logger) : IOutboxJobHandler<RemoveCodeFromLock>
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    public string Kind => RemoveCodeFromLock.Kind;

    public async Task HandleAsync(RemoveCodeFromLock job, CancellationToken ct)
    {
        var integration = await db.Integrations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == job.IntegrationId, ct);
        if (integration is null) return; // its credentials are gone with it: nothing can reach that lock any more

        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            var vendor = vendors.Get(job.Vendor);
            var credentials = store.Read(integration);
            var found = job.ExternalCodeId ?? await vendor.FindCodeAsync(credentials, job.ExternalLockId, job.LockName, ct);
            if (found is not null)
            {
                await vendor.DeleteCodeAsync(credentials, job.ExternalLockId, found, ct);
                await NextAsync(job with { ExternalCodeId = null, FailedAttempts = 0, LookupsLeft = Math.Max(job.LookupsLeft, 1) },
                    now + options.Value.CheckInterval, ct);
                return;
            }
            if (job.LookupsLeft > 1)
                await NextAsync(job with { LookupsLeft = job.LookupsLeft - 1, FailedAttempts = 0 }, now + options.Value.CheckInterval, ct);
        }
        catch (VendorException e) when (e.Kind == VendorErrorKind.Transient)
        {
            var delay = TimeSpan.FromMinutes(Math.Min(MaxRetryDelay.TotalMinutes, Math.Pow(2, Math.Min(job.FailedAttempts, 10))));
            logger.LogWarning("Could not reach the lock to remove code {LockName} (attempt {Attempt}): {Reason}; retrying in {Delay}",
                job.LockName, job.FailedAttempts + 1, e.Reason, delay);
            await NextAsync(job with { FailedAttempts = job.FailedAttempts + 1 }, now + delay, ct);
        }
        catch (VendorException e)
        {
            throw new PermanentJobFailureException($"The lock refused to remove code {job.LockName}: {e.Reason}");
        }
    }

    private Task NextAsync(RemoveCodeFromLock job, DateTime dueAt, CancellationToken ct) =>
        outbox.EnqueueAsync(RemoveCodeFromLock.Kind, job, dueAt, propertyId: null, ct: ct); // no property: must survive its deletion
}
