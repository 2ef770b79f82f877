using Kasify.Application.Calendars.Feeds;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;

namespace Kasify.Application.Calendars;

/// <summary>
/// What an imported event becomes (docs/api.md §8). Booking.com writes reservations and closed dates the same way
/// (<c>CLOSED - Not available</c>, parsed as a reservation): docs/api.md §8 says blocked, so every Booking.com event is a block.
/// An event we cannot classify is a block too: it keeps the dates taken without inventing a guest stay.
/// </summary>
public static class FeedStatusRule
{
    public static BookingStatus StatusOf(Channel channel, FeedEventKind kind) =>
        kind == FeedEventKind.Reservation && channel != Channel.Booking ? BookingStatus.Confirmed : BookingStatus.Blocked;
}
