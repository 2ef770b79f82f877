using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;
using Kasify.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Bookings;

public sealed record SeededBooking(Guid Id, string CheckinCode, string ChannelId);

/// <summary>
/// Bookings made straight through the DbContext, for tests about what a booking sets off rather than about the bookings
/// endpoints (<see cref="BookingSteps"/> books over HTTP). Saving goes through the same domain-event interceptor as the
/// API, so events and jobs run as they would for a request. The one place tests seed bookings.
/// </summary>
public static class BookingSeeding
{
    /// <summary>
    /// A stay booked on Airbnb (with its HM… code) at the property's check-in and check-out times. <paramref name="guest"/>,
    /// when given, replaces the head counts; <paramref name="imported"/> makes it come from a calendar feed.
    /// </summary>
    public static Task<SeededBooking> AddBookingAsync(this KasifyApiFactory api, Guid propertyId, DateOnly from, DateOnly to,
        int adults = 2, int children = 0, int infants = 0, BookingStatus status = BookingStatus.Confirmed, GuestDetails? guest = null,
        bool imported = false) =>
        api.WithDbAsync(async db =>
        {
            var property = await db.Properties.SingleAsync(p => p.Id == propertyId);
            var code = "HM" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
            guest ??= GuestDetails.None with { AdultsCount = adults, ChildrenCount = children, InfantsCount = infants };
            var booking = Booking.Create(propertyId, StayPeriod.Create(from, to, property.CheckinTime, property.CheckoutTime),
                Channel.Airbnb, code, status, guest, api.Clock.GetUtcNow().UtcDateTime,
                calendarId: imported ? Guid.NewGuid() : null, externalUid: imported ? Guid.NewGuid() + "@airbnb.com" : null);
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            return new SeededBooking(booking.Id, booking.CheckinCode, code);
        });

    public static Task ChangeBookingAsync(this KasifyApiFactory api, Guid bookingId, Action<Booking> change) =>
        api.WithDbAsync(async db =>
        {
            change(await db.Bookings.SingleAsync(b => b.Id == bookingId));
            await db.SaveChangesAsync();
        });

    public static Task CancelBookingAsync(this KasifyApiFactory api, Guid bookingId) =>
        api.ChangeBookingAsync(bookingId, b => b.Cancel(api.Clock.GetUtcNow().UtcDateTime));

    public static Task ConfirmBookingAsync(this KasifyApiFactory api, Guid bookingId) =>
        api.ChangeBookingAsync(bookingId, b => b.Confirm());

    public static Task MoveStayAsync(this KasifyApiFactory api, Guid bookingId, DateOnly from, DateOnly to) =>
        api.ChangeBookingAsync(bookingId, b => b.ChangeStay(b.Stay with { From = from, To = to }));

    public static Task<Booking> ReadBookingAsync(this KasifyApiFactory api, Guid bookingId) =>
        api.WithDbAsync(db => Task.FromResult(db.Bookings.Single(b => b.Id == bookingId)));

    /// <summary>Today in Madrid, the tests' property time zone.</summary>
    public static DateOnly Today(this KasifyApiFactory api) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(api.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid")));

    /// <summary>A family with personal data (names, contact, requests) for tests about who may see it.</summary>
    public static GuestDetails Family(string firstName = "Lucía", int adults = 2, int children = 1) =>
        new(firstName, "Secreta", "lucia@guest.test", "+34600000000", adults, children, 0, "Door code please", "Late arrival", null, null, null);
}
