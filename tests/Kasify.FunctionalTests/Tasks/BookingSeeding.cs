using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;
using Kasify.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Tasks;

/// <summary>
/// Bookings made straight through the DbContext (the bookings endpoints are another issue's work). Saving goes through
/// the same domain-event interceptor as the API, so the cleaning automation runs exactly as it would for a request.
/// </summary>
public static class BookingSeeding
{
    public static Task<Guid> AddBookingAsync(this KasifyApiFactory api, Guid propertyId, DateOnly from, DateOnly to,
        BookingStatus status = BookingStatus.Confirmed, bool imported = false, GuestDetails? guest = null) =>
        api.WithDbAsync(async db =>
        {
            var property = await db.Properties.SingleAsync(p => p.Id == propertyId);
            var booking = Booking.Create(propertyId, StayPeriod.Create(from, to, property.CheckinTime, property.CheckoutTime),
                imported ? Channel.Airbnb : Channel.Direct, imported ? "HM" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() : null,
                status, guest ?? GuestDetails.None, api.Clock.GetUtcNow().UtcDateTime,
                calendarId: imported ? Guid.NewGuid() : null, externalUid: imported ? Guid.NewGuid() + "@airbnb.com" : null);
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            return booking.Id;
        });

    public static Task ChangeBookingAsync(this KasifyApiFactory api, Guid bookingId, Action<Booking> change) =>
        api.WithDbAsync(async db =>
        {
            change(await db.Bookings.SingleAsync(b => b.Id == bookingId));
            await db.SaveChangesAsync();
        });

    public static Task MoveBookingAsync(this KasifyApiFactory api, Guid bookingId, DateOnly from, DateOnly to) =>
        api.ChangeBookingAsync(bookingId, b => b.ChangeStay(b.Stay with { From = from, To = to }));

    public static GuestDetails Family(string firstName = "Lucía", int adults = 2, int children = 1) =>
        new(firstName, "Secreta", "lucia@guest.test", "+34600000000", adults, children, 0, "Door code please", "Late arrival", null, null, null);
}
