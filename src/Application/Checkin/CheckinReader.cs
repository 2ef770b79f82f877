using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Checkin;
using Kasify.Domain.Properties;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Checkin;

/// <summary>Finds a booking by its public check-in code and builds the snapshot the guest sees.</summary>
public sealed class CheckinReader(IKasifyDb db, TimeProvider time, TypeAdapterConfig mapping)
{
    /// <summary>Unknown codes are 404; cancelled or blocked bookings and stays that ended more than a day ago are 410.</summary>
    public async Task<(Booking Booking, Property Property)> FindAsync(string code, CancellationToken ct)
    {
        var trimmed = code.Trim();
        var booking = trimmed.Length is > 0 and <= 64
            ? await db.Bookings.SingleOrDefaultAsync(b => b.CheckinCode == trimmed, ct)
            : null;
        if (booking is null) throw new NotFoundException("Check-in");
        var property = await db.Properties.AsNoTracking().SingleAsync(p => p.Id == booking.PropertyId, ct);
        if (CheckinState.IsGone(booking, property, time.GetUtcNow().UtcDateTime))
            throw new GoneException("This check-in link has expired: the stay is over or was cancelled.");
        return (booking, property);
    }

    public async Task<CheckinSnapshot> SnapshotAsync(Booking booking, Property property, CancellationToken ct)
    {
        var guests = await db.Guests.AsNoTracking().Where(g => g.BookingId == booking.Id)
            .OrderBy(g => g.RegisteredAt).ThenBy(g => g.Id)
            .ProjectToType<CheckinGuest>(mapping)
            .ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = CheckinState.LocalToday(property, now);
        var hasMinors = booking.ChildrenCount > 0 || booking.InfantsCount > 0 || guests.Any(g => !GuestAge.IsAdultOn(g.DateOfBirth, today));

        return new CheckinSnapshot(
            new CheckinProperty(property.Name, property.Address, property.City, property.Country, booking.CheckinTime, booking.CheckoutTime),
            booking.From, booking.To, booking.Guest.GuestsNumber, CheckinState.BookingCode(booking),
            guests,
            booking.CheckinCompletedAt is not null,
            CheckinState.IsClosed(booking, property, now),
            hasMinors);
    }
}
