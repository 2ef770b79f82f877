using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;

namespace Kasify.UnitTests.Bookings;

/// <summary>Builders of the booking aggregate tests: one property, stays in June 2026.</summary>
internal static class Stays
{
    public static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
    public static readonly Guid PropertyId = Guid.NewGuid();

    public static DateOnly June(int day) => new(2026, 6, day);

    public static StayPeriod Stay(int fromDay, int toDay) => new(June(fromDay), June(toDay), new TimeOnly(16, 0), new TimeOnly(11, 0));

    public static Booking Manual(int fromDay, int toDay, BookingStatus status = BookingStatus.Confirmed, GuestDetails? guest = null) =>
        Booking.Create(PropertyId, Stay(fromDay, toDay), Channel.Direct, null, status, guest ?? GuestDetails.None, Now);

    public static Booking Imported(int fromDay, int toDay, BookingStatus status = BookingStatus.Confirmed) =>
        Booking.Create(PropertyId, Stay(fromDay, toDay), Channel.Airbnb, "HMABCDEF12", status, GuestDetails.None, Now,
            calendarId: Guid.NewGuid(), externalUid: $"uid-{Guid.NewGuid():N}");

    public static BookingChanges Keeping(Booking booking, StayPeriod? stay = null, BookingStatus? status = null) =>
        new(stay ?? booking.Stay, booking.Guest, booking.ChannelId, null, status);

    /// <summary>The booking with its creation event already handled, as a handler finds it in the database.</summary>
    public static Booking Saved(this Booking booking)
    {
        booking.PopDomainEvents();
        return booking;
    }
}
