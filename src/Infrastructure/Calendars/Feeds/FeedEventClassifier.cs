using System.Text.RegularExpressions;
using Kasify.Application.Calendars.Feeds;

namespace Kasify.Infrastructure.Calendars.Feeds;

/// <summary>Reads what Airbnb and Booking.com put into SUMMARY / DESCRIPTION.</summary>
internal static partial class FeedEventClassifier
{
    public static FeedEventKind KindOf(string? summary) => summary?.Trim() switch
    {
        null or "" => FeedEventKind.Unknown,
        var s when s.Equals("Reserved", StringComparison.OrdinalIgnoreCase) => FeedEventKind.Reservation,

        // Booking.com exports reservations and manually closed dates identically. We lean to Reservation so a real
        // guest is never missed; the sync decides what status the booking gets (docs/api.md §8 maps it to "blocked").
        var s when s.Equals("CLOSED - Not available", StringComparison.OrdinalIgnoreCase) => FeedEventKind.Reservation,

        // Airbnb host blocks: "Airbnb (Not available)", very old feeds "Not available".
        var s when s.EndsWith("(Not available)", StringComparison.OrdinalIgnoreCase) => FeedEventKind.Blocked,
        var s when s.Equals("Not available", StringComparison.OrdinalIgnoreCase) => FeedEventKind.Blocked,
        _ => FeedEventKind.Unknown,
    };

    public static string? ReservationCodeIn(string? description) =>
        description is null ? null : ReservationCodePattern().Match(description) is { Success: true } m ? m.Groups["code"].Value : null;

    public static string? PhoneLast4In(string? description) =>
        description is null ? null : PhoneLast4Pattern().Match(description) is { Success: true } m ? m.Groups["digits"].Value : null;

    // Current links: /hosting/reservations/details/HM…; before ~2020: /reservation/itinerary?code=HM…
    [GeneratedRegex(@"(?:/reservations/details/|[?&]code=)(?<code>HM[A-Z0-9]{8})(?![A-Za-z0-9])")]
    private static partial Regex ReservationCodePattern();

    [GeneratedRegex(@"Phone Number \(Last 4 Digits\):\s*(?<digits>\d{4})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneLast4Pattern();
}
