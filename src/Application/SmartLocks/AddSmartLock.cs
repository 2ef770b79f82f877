using Kasify.Application.Common;
using Kasify.Application.Integrations;
using Kasify.Application.SmartLocks.Vendors;
using Kasify.Domain.Crew;
using Kasify.Domain.SmartLocks;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.SmartLocks;

/// <summary>
/// Owner only. Assigns a device of one of the account's Nuki/UniFi integrations to the property, after the vendor
/// confirmed it exists. A lock belongs to one property at a time (409).
/// </summary>
[PropertyScope(AccessLevel.Owner)]
public sealed class AddSmartLockHandler(IKasifyDb db, SmartLockCredentialStore store,
    ISmartLockVendorRegistry vendors, TimeProvider time)
{
    public async Task<SmartLockResponse> HandleAsync(Guid propertyId, AddSmartLockRequest request, CancellationToken ct)
    {
        var v = new Validation();
        if (request.IntegrationId is null) v.Add("integration_id", "integration_id is required.");
        var externalId = v.Required("external_id", request.ExternalId, 100);
        var name = v.Optional("name", request.Name, 200);
        v.ThrowIfInvalid();

        var accountId = await db.Properties.Where(p => p.Id == propertyId).Select(p => p.AccountId).SingleAsync(ct);
        var integration = await db.Integrations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == request.IntegrationId && i.AccountId == accountId
            && (i.Type == IntegrationTypes.Nuki || i.Type == IntegrationTypes.Unifi), ct);
        if (integration is null) throw new ValidationFailedException("integration_id", "No Nuki or UniFi integration of this account has this id.");
        if (await db.SmartLocks.AnyAsync(l => l.IntegrationId == integration.Id && l.ExternalId == externalId, ct))
            throw new ConflictException("This lock already belongs to a property; remove it there first.");

        var device = await FindDeviceAsync(integration.Type, store.Read(integration), externalId!, ct);
        var smartLock = new SmartLock(propertyId, integration.Id, integration.Type, device.ExternalId, name ?? device.Name, time.GetUtcNow().UtcDateTime);
        db.SmartLocks.Add(smartLock);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            throw new ConflictException("This lock already belongs to a property; remove it there first.", e);
        }
        var status = new SmartLockStatus(device.Online, device.Locked, device.DoorOpen, device.BatteryCritical, time.GetUtcNow().UtcDateTime, null);
        return new SmartLockResponse(smartLock.Id, smartLock.Vendor, smartLock.Name, smartLock.IntegrationId, smartLock.ExternalId, status);
    }

    private async Task<VendorDevice> FindDeviceAsync(string type, IntegrationCredentials credentials, string externalId, CancellationToken ct)
    {
        IReadOnlyList<VendorDevice> devices;
        try
        {
            devices = await vendors.Get(type).ListDevicesAsync(credentials, ct);
        }
        catch (VendorException e) when (e.Kind == VendorErrorKind.Transient)
        {
            throw new ServiceUnavailableException($"{SmartLockIntegrationValidator.VendorLabel(type)} could not be reached: {e.Reason}");
        }
        catch (VendorException e)
        {
            throw new UnprocessableException($"{SmartLockIntegrationValidator.VendorLabel(type)} refused the request: {e.Reason}");
        }
        return devices.FirstOrDefault(d => d.ExternalId == externalId)
               ?? throw new UnprocessableException($"{SmartLockIntegrationValidator.VendorLabel(type)} has no lock with id '{externalId}' on this integration.");
    }
}
