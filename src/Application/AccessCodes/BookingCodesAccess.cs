using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Accounts;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.AccessCodes;

/// <summary>Loads a booking for its access codes: owners and managers only (staff 403; contractors and strangers 404).</summary>
public sealed class BookingCodesAccess(IKasifyDb db, UseCaseCaller caller, PropertyAccess access)
{
    public async Task<(User User, Booking Booking)> LoadAsync(Guid bookingId, CancellationToken ct)
    {
        var user = caller.User;
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, ct) ?? throw new NotFoundException("Booking");
        await access.RequireOnBookingAsync(user, booking.PropertyId, PropertyAccess.AccessCodeManagers, ct);
        return (user, booking);
    }
}
