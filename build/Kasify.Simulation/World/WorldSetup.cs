using System.Globalization;
using Kasify.Application.Accounts;
using Kasify.Application.Common;
using Kasify.Application.Integrations;
using Kasify.Application.Properties;
using Kasify.Application.SmartLocks;
using Kasify.Simulation.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Simulation.World;

/// <summary>Creates the world through the application's use cases, as its hosts would through the API.</summary>
public static class WorldSetup
{
    public static async Task CreateAsync(SimulationHost host, WorldPlan plan, Vendors vendors, CancellationToken ct)
    {
        foreach (var property in plan.Properties)
        {
            await host.AsAsync(property.Subject, sp => sp.GetRequiredService<RegisterUserHandler>().HandleAsync(ct));
            var calendars = property.BookingComPath is null ? null
                : new List<CalendarRequest> { new("booking", vendors.Feeds.UrlFor(property.BookingComPath).ToString(), null) };
            var created = await host.AsAsync(property.Subject, async sp => await (await sp.AdmitToAsync<CreatePropertyHandler>(null, ct)).HandleAsync(
                new PropertyRequest($"Casa {property.Index}", "Calle Mayor 1", "Madrid", "28013", vendors.Feeds.UrlFor(property.AirbnbPath).ToString(),
                    null, property.SesEstablishmentCode, property.SesEstablishmentCode is null ? null : "VT", true, 2, "ES", property.TimeZone, "15:30", "10:00", calendars), ct));
            property.PropertyId = created.Id;
            await PatientlyAsync(() => host.AsAsync(property.Subject, async sp => await (await sp.AdmitToAsync<CreateSesIntegrationHandler>(null, ct)).HandleAsync(
                new SesIntegrationRequest(null, "0000000001", vendors.Ses.Username, vendors.Ses.Password, "test"), ct)));

            var token = $"tok-{property.Index}";
            var connect = Connect(property, vendors, token);
            var integration = await PatientlyAsync(() => host.AsAsync(property.Subject, async sp => await (await sp.AdmitToAsync<CreateSmartLockIntegrationHandler>(null, ct)).HandleAsync(
                property.LockVendor, connect, ct)));
            for (var i = 0; i < property.Locks.Count; i++)
            {
                var externalId = property.LockVendor == "nuki"
                    ? vendors.Nuki.AddSmartlock(token, 1_000_000L + property.Index * 10 + i, property.Locks[i].Name).SmartlockId.ToString(CultureInfo.InvariantCulture)
                    : vendors.Unifi.AddDoor($"{property.Locks[i].Name} {property.Index}").Id;
                var added = await PatientlyAsync(() => host.AsAsync(property.Subject, async sp => await (await sp.AdmitToAsync<AddSmartLockHandler>(property.PropertyId, ct)).HandleAsync(
                    property.PropertyId, new AddSmartLockRequest(integration.Id, externalId, null), ct)));
                property.Locks[i] = property.Locks[i] with { ExternalId = externalId };
                property.Locks[i].LockId = added.Id;
            }
        }
    }

    /// <summary>Set-up is not under chaos, but a loaded machine can make a first vendor call time out: try again.</summary>
    private static async Task<T> PatientlyAsync<T>(Func<Task<T>> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (Application.Common.ServiceUnavailableException) when (attempt < 5)
            {
            }
        }
    }

    private static SmartLockIntegrationRequest Connect(SimProperty property, Vendors vendors, string token)
    {
        if (property.LockVendor == "nuki")
        {
            vendors.Nuki.AddAccount(token);
            return new SmartLockIntegrationRequest(null, token, null, null, null, null);
        }
        vendors.Unifi.AddApiToken(token);
        return new SmartLockIntegrationRequest(null, token, vendors.Unifi.Url, null, null, true);
    }
}
