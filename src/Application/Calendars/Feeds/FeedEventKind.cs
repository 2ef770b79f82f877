namespace Kasify.Application.Calendars.Feeds;

public enum FeedEventKind
{
    Unknown,
    Reservation,
    Blocked,
}
