namespace Kasify.Application.Calendars.Feeds;

public interface ICalendarFeedParser
{
    FeedParseResult Parse(string body);
}
