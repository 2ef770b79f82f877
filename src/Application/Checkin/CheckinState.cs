using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;

namespace Kasify.Application.Checkin;

/// <summary>A booking's check-in facts in the property's time zone; the rules that use them are the booking's.</summary>
public static class CheckinState
{
    /// <summary>Closed after check-out (property local time) or when cancelled (<see cref="Booking.IsCheckinClosed"/>).</summary>
    public static bool IsClosed(Booking booking, Property property, DateTime nowUtc) =>
        booking.IsCheckinClosed(nowUtc, CheckoutUtc(booking, property));

    /// <summary>Gone for good (410): see <see cref="Booking.IsCheckinLinkGone"/>.</summary>
    public static bool IsGone(Booking booking, Property property, DateTime nowUtc) =>
        booking.IsCheckinLinkGone(nowUtc, CheckoutUtc(booking, property));

    /// <summary>The guests' departure: the check-out day at the scheduled check-out time, in UTC.</summary>
    public static DateTime CheckoutUtc(Booking booking, Property property) =>
        TimeZones.ToUtc(booking.To, booking.CheckoutTime, property.TimeZone);

    /// <summary>The guests' arrival: the first day at the scheduled check-in time, in UTC.</summary>
    public static DateTime ArrivalUtc(Booking booking, Property property) =>
        TimeZones.ToUtc(booking.From, booking.CheckinTime, property.TimeZone);

    public static DateOnly LocalToday(Property property, DateTime nowUtc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, TimeZoneInfo.FindSystemTimeZoneById(property.TimeZone)));

    /// <summary>The channel's reservation code when known (e.g. HM…), else the first 8 characters of the id, upper case.</summary>
    public static string BookingCode(Booking booking) =>
        booking.ChannelId?.Trim() is { Length: > 0 and <= 50 } code
            ? code
            : booking.Id.ToString("N")[^12..].ToUpperInvariant(); // the random tail: a v7 id starts with its timestamp
}
