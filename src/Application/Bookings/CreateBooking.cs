using System.Collections.Concurrent;
using Kasify.Application.Common;
using Kasify.Application.Tasks.Cleaning;
using Kasify.Domain.Bookings;
using Kasify.Domain.Crew;
using Kasify.Domain.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Application.Bookings;

/// <summary>A manual booking (channel <c>direct</c> unless given); an overlap with a confirmed stay is a 409 unless <c>allow_overlap</c>.</summary>
[PropertyScope(AccessLevel.Owner, AccessLevel.Manager)]
public sealed class CreateBookingHandler(IServiceProvider services, UseCaseCaller caller, TimeProvider time, BookingReader reader, IServiceScopeFactory scopes)
{
    /// <summary>Creations on one property take turns in this process, so they do not conflict with each other.</summary>
    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> Turns = new();

    public async Task<BookingResponse> HandleAsync(Guid propertyId, BookingRequest request, CancellationToken ct)
    {
        var role = caller.RoleOn(propertyId);

        var v = new Validation();
        var fields = BookingFields.Parse(request, given: null, v);
        if (request.From is null) v.Add("from", "from is required.");
        if (request.To is null) v.Add("to", "to is required.");
        if (request.From is { } f && request.To is { } t && !StayPeriod.EndsAfterStart(f, t)) v.Add("to", "to (the check-out day) must be after from.");
        if (fields.Status is { } status && !Booking.MayBeCreatedAs(status)) v.Add("status", Booking.CannotBeCreatedCancelled);
        v.ThrowIfInvalid();

        var booking = await CreateTakingTurnsAsync(propertyId, request, fields, ct);
        return await reader.ReadOneAsync(booking, role, ct);
    }

    /// <summary>
    /// The overlap check and the insert must not interleave with another creation on the property: both would pass the
    /// check and double-book. In this process creations on a property take turns; across processes (or against any
    /// other writer of the property or a neighbour's cleaning task) the property's version decides
    /// (<see cref="Property.GuardStays"/>), and the loser is done again from scratch in a fresh unit of work, where it
    /// sees the winner's stay: a 201 for other dates, the overlap 409 for the same.
    /// </summary>
    private async Task<Booking> CreateTakingTurnsAsync(Guid propertyId, BookingRequest request, BookingFields fields, CancellationToken ct)
    {
        var turn = Turns.GetOrAdd(propertyId, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(ct);
        try
        {
            return await ConcurrencyRetry.RunAsync(services, scopes,
                unit => CreateAsync(unit, propertyId, request, fields, ct));
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task<Booking> CreateAsync(IServiceProvider services, Guid propertyId, BookingRequest request, BookingFields fields, CancellationToken ct)
    {
        var unit = services.GetRequiredService<IKasifyDb>();
        // Read before the stays, so a booking committed after this read is either among them or changed the version.
        var property = await unit.Properties.FindAsync([propertyId], ct)
                       ?? throw new InvalidOperationException($"Property {propertyId} passed the scope check but is missing.");
        var stay = new StayPeriod(fields.From!.Value, fields.To!.Value, fields.CheckinTime ?? property.CheckinTime, fields.CheckoutTime ?? property.CheckoutTime);
        var overlap = await OverlapAsync(services, propertyId, stay, request.AllowOverlap, ct);
        var booking = StayOverlapFacts.Refusing(() => Booking.Create(propertyId, stay, fields.Channel ?? Channel.Direct, fields.ChannelId,
            fields.Status ?? BookingStatus.Confirmed, fields.ApplyTo(GuestDetails.None), overlap, time.GetUtcNow().UtcDateTime));
        property.GuardStays();
        unit.Bookings.Add(booking);
        await unit.SaveChangesAsync(ct);
        return booking;
    }

    /// <summary>
    /// The confirmed stays the new one must not overlap (<see cref="StayOverlapFacts"/>'s rule), read through the unit of
    /// work's cleaning planner, which loads the stays around in the same query for the cleaning windows it re-times next.
    /// </summary>
    private static async Task<StayOverlap> OverlapAsync(IServiceProvider unit, Guid propertyId, StayPeriod stay, bool? allowOverlap,
        CancellationToken ct)
    {
        if (allowOverlap == true) return StayOverlap.Allowed;
        var around = await unit.GetRequiredService<CleaningPlanner>().StaysAroundAsync(propertyId, stay.From, stay.To, ct);
        return StayOverlap.Refused(around); // the domain picks the confirmed ones
    }
}
