namespace Kasify.Application.Calendars.Feeds;

/// <summary>One stay or block read from an imported iCal feed.</summary>
/// <param name="From">First night (check-in day).</param>
/// <param name="To">Check-out day: exclusive end, always after <paramref name="From"/>.</param>
/// <param name="ReservationCode">Airbnb confirmation code (<c>HM</c> + 8 alphanumerics) when the feed reveals it.</param>
/// <param name="PhoneLast4">Last four digits of the guest's phone when the feed reveals them.</param>
/// <param name="IsKasifyExport">The event comes from our own export echoed back by another channel.</param>
public sealed record FeedEvent(
    string Uid,
    DateOnly From,
    DateOnly To,
    string? Summary,
    FeedEventKind Kind,
    string? ReservationCode,
    string? PhoneLast4,
    bool IsKasifyExport);
