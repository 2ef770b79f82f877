using Kasify.Application.Bookings;
using Kasify.Application.Common;
using Kasify.Simulation.Hosting;

namespace Kasify.Simulation.World;

/// <summary>What hosts do by hand, through the booking use cases: enter a direct booking, change its dates, cancel, restore.</summary>
public static class HostActions
{
    public static async Task CreateAsync(SimulationHost host, Stay stay, CancellationToken ct)
    {
        var request = new BookingRequest(stay.From, stay.To, "direct", stay.Key, "confirmed", null, null, "Guest", stay.Key, null, null,
            2, 0, 0, null, null, null, null, null, null);
        var created = await host.AsAsync(stay.Property.Subject, async sp => await (await sp.AdmitToAsync<CreateBookingHandler>(stay.Property.PropertyId, ct)).HandleAsync(stay.Property.PropertyId, request, ct));
        stay.BookingId = created.Id;
    }

    public static Task MoveAsync(SimulationHost host, Stay stay, CancellationToken ct) =>
        PatchAsync(host, stay, Empty() with { From = stay.From, To = stay.To }, ["from", "to"], ct);

    public static Task SetStatusAsync(SimulationHost host, Stay stay, string status, CancellationToken ct) =>
        PatchAsync(host, stay, Empty() with { Status = status }, ["status"], ct);

    private static async Task PatchAsync(SimulationHost host, Stay stay, BookingRequest values, string[] fields, CancellationToken ct)
    {
        if (stay.BookingId is not { } id) return;
        await host.AsAsync(stay.Property.Subject, async sp => await (await sp.AdmitToAsync<UpdateBookingHandler>(null, ct))
            .HandleAsync(id, new BookingPatch(values, fields.ToHashSet(StringComparer.Ordinal)), ct));
    }

    private static BookingRequest Empty() => new(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
