using Kasify.Application.AccessCodes;
using Kasify.Application.Common;
using Kasify.Application.Integrations;
using Kasify.Application.SmartLocks.Vendors;
using Kasify.Domain.Crew;
using Kasify.Domain.Integrations;
using Kasify.Domain.SmartLocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kasify.Application.SmartLocks;

/// <summary>
/// Owner or manager. The property's locks with live status, asked of the vendors in parallel with a short timeout;
/// a lock whose vendor fails or is slow gets <c>status.error</c> and the list is still answered.
/// </summary>
[PropertyScope(AccessLevel.Owner, AccessLevel.Manager)]
public sealed class ListPropertySmartLocksHandler(IKasifyDb db, SmartLockCredentialStore store,
    ISmartLockVendorRegistry vendors, IOptions<AccessCodeOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<SmartLockResponse>> HandleAsync(Guid propertyId, CancellationToken ct)
    {
        var locks = await db.SmartLocks.AsNoTracking().Where(l => l.PropertyId == propertyId).OrderBy(l => l.Name).ThenBy(l => l.Id).ToListAsync(ct);
        var integrationIds = locks.Select(l => l.IntegrationId).Distinct().ToList();
        var integrations = await db.Integrations.AsNoTracking().Where(i => integrationIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.StatusTimeout);
        return await Task.WhenAll(locks.Select(l => WithStatusAsync(l, integrations.GetValueOrDefault(l.IntegrationId), timeout.Token)));
    }

    private async Task<SmartLockResponse> WithStatusAsync(SmartLock l, Integration? integration, CancellationToken ct)
    {
        SmartLockStatus status;
        try
        {
            if (integration is null) throw new VendorException(l.Vendor, VendorErrorKind.NotFound, "The lock's integration was removed.");
            var device = await vendors.Get(l.Vendor).GetDeviceStatusAsync(store.Read(integration), l.ExternalId, ct).WaitAsync(ct);
            status = new SmartLockStatus(device.Online, device.Locked, device.DoorOpen, device.BatteryCritical, Now(), null);
        }
        catch (VendorException e)
        {
            status = Failed(e.Reason);
        }
        catch (OperationCanceledException)
        {
            status = Failed("The vendor did not answer in time.");
        }
        catch (Exception e) when (e is HttpRequestException or System.Security.Cryptography.CryptographicException)
        {
            status = Failed("The vendor could not be asked.");
        }
        return new SmartLockResponse(l.Id, l.Vendor, l.Name, l.IntegrationId, l.ExternalId, status);
    }

    private SmartLockStatus Failed(string error) => new(null, null, null, null, Now(), error);

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
