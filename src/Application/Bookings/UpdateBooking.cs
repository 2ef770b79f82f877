using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Crew;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Bookings;

/// <summary>
/// PATCH: only the fields in the body change, each through the aggregate's intention-revealing methods, so the right
/// events are raised (<c>BookingStayChanged</c>, <c>BookingDetailsChanged</c>, <c>BookingCancelled</c>, <c>BookingConfirmed</c>).
/// </summary>
public sealed class UpdateBookingHandler(IKasifyDb db, ICurrentUser current, PropertyAccess access, TimeProvider time, BookingReader reader)
{
    public async Task<BookingResponse> HandleAsync(Guid bookingId, BookingPatch patch, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, ct) ?? throw new NotFoundException("Booking");
        var role = await access.RoleAsync(user, booking.PropertyId, ct);
        if (role is null or AccessLevel.Contractor) throw new NotFoundException("Booking");
        if (role == AccessLevel.Staff) throw new ForbiddenException("Your role on this property (staff) does not allow this.");

        var v = new Validation();
        var fields = BookingFields.Parse(patch.Values, patch.Has, v);
        var old = booking.Stay;
        var stay = new StayPeriod(fields.From ?? old.From, fields.To ?? old.To, fields.CheckinTime ?? old.CheckinTime, fields.CheckoutTime ?? old.CheckoutTime);
        if (stay.From >= stay.To) v.Add("to", "to (the check-out day) must be after from.");
        v.ThrowIfInvalid();

        var status = fields.Status ?? booking.Status;
        var datesMove = stay.From != old.From || stay.To != old.To;
        var becomesConfirmed = status == BookingStatus.Confirmed && !booking.IsConfirmed;
        if ((datesMove || becomesConfirmed) && status == BookingStatus.Confirmed && patch.Values.AllowOverlap != true
            && await db.Bookings.WithSpecification(BookingSpecs.OverlappingConfirmedStay(booking.PropertyId, stay.From, stay.To, booking.Id)).AnyAsync(ct))
            throw new ConflictException("These dates overlap a confirmed booking of the property; send allow_overlap: true to book them anyway.");

        booking.ChangeStay(stay);
        booking.ChangeDetails(fields.ApplyTo(booking.Guest), patch.Has("channel_id") ? fields.ChannelId : booking.ChannelId);
        if (fields.Channel is { } channel) booking.ChangeChannel(channel);
        switch (fields.Status)
        {
            case BookingStatus.Cancelled: booking.Cancel(time.GetUtcNow().UtcDateTime); break;
            case BookingStatus.Confirmed: booking.Confirm(); break;
            case BookingStatus.Blocked: booking.Block(); break;
        }
        await db.SaveChangesAsync(ct);
        return await reader.ReadOneAsync(booking, role.Value, ct);
    }
}
