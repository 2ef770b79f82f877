using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Crew;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Bookings;

/// <summary>Owner, manager, staff (redacted); contractors and strangers get 404.</summary>
[ResourceScope("booking")]
public sealed class GetBookingHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, BookingReader reader)
{
    public async Task<BookingResponse> HandleAsync(Guid bookingId, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId, ct) ?? throw new NotFoundException("Booking");
        var role = await access.RoleAsync(caller.User, booking.PropertyId, ct);
        if (role is null or AccessLevel.Contractor) throw new NotFoundException("Booking");
        return await reader.ReadOneAsync(booking, role.Value, ct);
    }
}
