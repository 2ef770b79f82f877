using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Bookings;

public sealed record SeededBooking(Guid Id, string CheckinCode, string ChannelId);

/// <summary>
/// Creates bookings straight through the DbContext (Booking.Create + SaveChanges, so events and jobs run as usual)
/// until the bookings endpoints exist. The one place tests seed bookings.
/// </summary>
public static class BookingSeeding
{
    public static Task<SeededBooking> AddBookingAsync(this KasifyApiFactory api, Guid propertyId, DateOnly from, DateOnly to,
        int adults = 2, int children = 0, int infants = 0, string? channelId = null, string checkinTime = "15:30", string checkoutTime = "10:00") =>
        api.WithDbAsync(async db =>
        {
            var code = channelId ?? "HM" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
            var guest = GuestDetails.None with { AdultsCount = adults, ChildrenCount = children, InfantsCount = infants };
            var booking = Booking.Create(propertyId, new StayPeriod(from, to, TimeOnly.Parse(checkinTime), TimeOnly.Parse(checkoutTime)),
                Channel.Airbnb, code, BookingStatus.Confirmed, guest, api.Clock.GetUtcNow().UtcDateTime);
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            return new SeededBooking(booking.Id, booking.CheckinCode, code);
        });

    public static Task CancelBookingAsync(this KasifyApiFactory api, Guid bookingId) =>
        api.WithDbAsync(async db =>
        {
            var booking = db.Bookings.Single(b => b.Id == bookingId);
            booking.Cancel(api.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });

    public static Task ConfirmBookingAsync(this KasifyApiFactory api, Guid bookingId) =>
        api.WithDbAsync(async db =>
        {
            db.Bookings.Single(b => b.Id == bookingId).Confirm();
            await db.SaveChangesAsync();
        });

    public static Task MoveStayAsync(this KasifyApiFactory api, Guid bookingId, DateOnly from, DateOnly to) =>
        api.WithDbAsync(async db =>
        {
            var booking = db.Bookings.Single(b => b.Id == bookingId);
            booking.ChangeStay(booking.Stay with { From = from, To = to });
            await db.SaveChangesAsync();
        });

    public static Task<Booking> ReadBookingAsync(this KasifyApiFactory api, Guid bookingId) =>
        api.WithDbAsync(db => Task.FromResult(db.Bookings.Single(b => b.Id == bookingId)));

    /// <summary>Today in Madrid, the tests' property time zone.</summary>
    public static DateOnly Today(this KasifyApiFactory api) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(api.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid")));
}
