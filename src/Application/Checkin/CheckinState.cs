using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;

namespace Kasify.Application.Checkin;

/// <summary>Rules of a booking's check-in that depend on the clock and the property's time zone.</summary>
public static class CheckinState
{
    public const int AdultAge = 18;

    /// <summary>Closed after check-out (property local time) or when cancelled.</summary>
    public static bool IsClosed(Booking booking, Property property, DateTime nowUtc) =>
        booking.Status == BookingStatus.Cancelled
        || nowUtc >= TimeZones.ToUtc(booking.To, booking.CheckoutTime, property.TimeZone);

    /// <summary>How long after check-out the link still shows the stay (guests checking their data, late hosts).</summary>
    public static readonly TimeSpan LinkLifetimeAfterCheckout = TimeSpan.FromHours(24);

    /// <summary>
    /// Gone for good (410): cancelled or blocked, or check-out was more than a day ago. The link must stop exposing the
    /// guests' personal data and stop accepting registrations that would be reported to the police.
    /// </summary>
    public static bool IsGone(Booking booking, Property property, DateTime nowUtc) =>
        booking.Status is BookingStatus.Cancelled or BookingStatus.Blocked
        || nowUtc > TimeZones.ToUtc(booking.To, booking.CheckoutTime, property.TimeZone) + LinkLifetimeAfterCheckout;

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
