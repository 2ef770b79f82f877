using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Crew;
using Kasify.Domain.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Bookings;

/// <summary>A manual booking (channel <c>direct</c> unless given); an overlap with a confirmed stay is a 409 unless <c>allow_overlap</c>.</summary>
[PropertyScope(AccessLevel.Owner, AccessLevel.Manager)]
public sealed class CreateBookingHandler(IKasifyDb db, UseCaseCaller caller, TimeProvider time, BookingReader reader)
{
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

        var times = await db.Properties.AsNoTracking().Where(p => p.Id == propertyId)
            .Select(p => new { p.CheckinTime, p.CheckoutTime }).SingleAsync(ct);
        var stay = new StayPeriod(fields.From!.Value, fields.To!.Value, fields.CheckinTime ?? times.CheckinTime, fields.CheckoutTime ?? times.CheckoutTime);
        var overlap = await StayOverlapFacts.LoadAsync(db, propertyId, stay, request.AllowOverlap, ct);
        var booking = StayOverlapFacts.Refusing(() => Booking.Create(propertyId, stay, fields.Channel ?? Channel.Direct, fields.ChannelId,
            fields.Status ?? BookingStatus.Confirmed, fields.ApplyTo(GuestDetails.None), overlap, time.GetUtcNow().UtcDateTime));
        db.Bookings.Add(booking);
        await db.SaveChangesAsync(ct);
        return await reader.ReadOneAsync(booking, role, ct);
    }
}
