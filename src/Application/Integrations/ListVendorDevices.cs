using Kasify.Application.Common;
using Kasify.Application.SmartLocks.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Integrations;

/// <summary><c>GET /integrations/{id}/nuki/smartlocks</c> item.</summary>
public sealed record NukiSmartlockResponse(string SmartlockId, string Name, string? Type, string? State, bool? BatteryCritical, Guid? AssignedPropertyId);

/// <summary><c>GET /integrations/{id}/unifi/doors</c> item.</summary>
public sealed record UnifiDoorResponse(string DoorId, string Name, string? FullName, string? LockStatus, string? PositionStatus, Guid? AssignedPropertyId);

/// <summary>Owner only. The integration's devices, live from the vendor, with the property each is assigned to.</summary>
[AccountOwnerScope(IntegrationAccess.OwnerOnly)]
public sealed class ListVendorDevicesHandler(IKasifyDb db, UseCaseCaller caller, IntegrationAccess access, SmartLockCredentialStore store, ISmartLockVendorRegistry vendors)
{
    public async Task<IReadOnlyList<NukiSmartlockResponse>> NukiAsync(Guid id, CancellationToken ct) =>
        (await ListAsync(IntegrationTypes.Nuki, id, ct)).Select(x => new NukiSmartlockResponse(
            x.Device.ExternalId, x.Device.Name, x.Device.Type, x.Device.RawState, x.Device.BatteryCritical, x.PropertyId)).ToList();

    public async Task<IReadOnlyList<UnifiDoorResponse>> UnifiAsync(Guid id, CancellationToken ct) =>
        (await ListAsync(IntegrationTypes.Unifi, id, ct)).Select(x => new UnifiDoorResponse(
            x.Device.ExternalId, x.Device.Name, x.Device.FullName, LockStatus(x.Device), PositionStatus(x.Device), x.PropertyId)).ToList();

    private async Task<IReadOnlyList<(VendorDevice Device, Guid? PropertyId)>> ListAsync(string type, Guid id, CancellationToken ct)
    {
        var integration = await access.LoadForChangeAsync(caller.User, type, id, ct);
        IReadOnlyList<VendorDevice> devices;
        try
        {
            devices = await vendors.Get(type).ListDevicesAsync(store.Read(integration), ct);
        }
        catch (VendorException e) when (e.Kind == VendorErrorKind.Transient)
        {
            throw new ServiceUnavailableException($"{SmartLockIntegrationValidator.VendorLabel(type)} could not be reached: {e.Reason}");
        }
        catch (VendorException e)
        {
            throw new UnprocessableException($"{SmartLockIntegrationValidator.VendorLabel(type)} refused the request: {e.Reason}");
        }
        var assigned = await db.SmartLocks.AsNoTracking().Where(l => l.IntegrationId == id)
            .ToDictionaryAsync(l => l.ExternalId, l => l.PropertyId, ct);
        return devices.Select(d => (d, assigned.TryGetValue(d.ExternalId, out var p) ? p : (Guid?)null)).ToList();
    }

    private static string? LockStatus(VendorDevice d) => d.Locked switch { true => "lock", false => "unlock", null => null };

    private static string? PositionStatus(VendorDevice d) => d.DoorOpen switch { true => "open", false => "close", null => null };
}
