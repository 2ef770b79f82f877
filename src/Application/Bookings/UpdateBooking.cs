using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Crew;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Bookings;

/// <summary>
/// PATCH: only the fields in the body change, through the aggregate's <see cref="Booking.Change"/>, so the right events are
/// raised (<c>BookingStayChanged</c>, <c>BookingDetailsChanged</c>, <c>BookingCancelled</c>, <c>BookingConfirmed</c>) and the
/// overlap rule is the domain's (409 unless <c>allow_overlap</c>).
/// </summary>
[ResourceScope("booking")]
public sealed class UpdateBookingHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, TimeProvider time, BookingReader reader)
{
    public async Task<BookingResponse> HandleAsync(Guid bookingId, BookingPatch patch, CancellationToken ct)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, ct) ?? throw new NotFoundException("Booking");
        var role = await access.RoleAsync(caller.User, booking.PropertyId, ct);
        if (role is null or AccessLevel.Contractor) throw new NotFoundException("Booking");
        if (role == AccessLevel.Staff) throw new ForbiddenException("Your role on this property (staff) does not allow this.");

        var v = new Validation();
        var fields = BookingFields.Parse(patch.Values, patch.Has, v);
        var old = booking.Stay;
        var stay = new StayPeriod(fields.From ?? old.From, fields.To ?? old.To, fields.CheckinTime ?? old.CheckinTime, fields.CheckoutTime ?? old.CheckoutTime);
        if (!StayPeriod.EndsAfterStart(stay.From, stay.To)) v.Add("to", "to (the check-out day) must be after from.");
        v.ThrowIfInvalid();

        var changes = new BookingChanges(stay, fields.ApplyTo(booking.Guest), patch.Has("channel_id") ? fields.ChannelId : booking.ChannelId,
            fields.Channel, fields.Status);
        var overlap = await StayOverlapFacts.LoadAsync(db, booking.PropertyId, stay, patch.Values.AllowOverlap, ct);
        StayOverlapFacts.Refusing(() => booking.Change(changes, overlap, time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return await reader.ReadOneAsync(booking, role.Value, ct);
    }
}
