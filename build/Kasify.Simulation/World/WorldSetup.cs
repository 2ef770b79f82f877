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
    /// <summary>Properties set up at once: each host's calls are sequential, as one host's would be; hosts overlap.</summary>
    private const int Parallelism = 4;

    public static async Task CreateAsync(SimulationHost host, WorldPlan plan, Vendors vendors, CancellationToken ct)
    {
        // The vendors' side first, in order, so the fakes' ids (UniFi doors) do not depend on which host was faster.
        var prepared = plan.Properties.Select(property => (Property: property, Connect: Connect(property, vendors, $"tok-{property.Index}"),
            ExternalIds: property.Locks.Select((l, i) => property.LockVendor == "nuki"
                ? vendors.Nuki.AddSmartlock($"tok-{property.Index}", 1_000_000L + property.Index * 10 + i, l.Name).SmartlockId.ToString(CultureInfo.InvariantCulture)
                : vendors.Unifi.AddDoor($"{l.Name} {property.Index}").Id).ToList())).ToList();
        await Parallel.ForEachAsync(prepared, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (p, token) => await CreatePropertyAsync(host, p.Property, p.Connect, p.ExternalIds, vendors, token));
    }

    private static async Task CreatePropertyAsync(SimulationHost host, SimProperty property, SmartLockIntegrationRequest connect, List<string> externalIds,
        Vendors vendors, CancellationToken ct)
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

        var integration = await PatientlyAsync(() => host.AsAsync(property.Subject, async sp => await (await sp.AdmitToAsync<CreateSmartLockIntegrationHandler>(null, ct)).HandleAsync(
            property.LockVendor, connect, ct)));
        for (var i = 0; i < property.Locks.Count; i++)
        {
            var externalId = externalIds[i];
            var added = await PatientlyAsync(() => host.AsAsync(property.Subject, async sp => await (await sp.AdmitToAsync<AddSmartLockHandler>(property.PropertyId, ct)).HandleAsync(
                property.PropertyId, new AddSmartLockRequest(integration.Id, externalId, null), ct)));
            property.Locks[i] = property.Locks[i] with { ExternalId = externalId };
            property.Locks[i].LockId = added.Id;
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
