namespace Kasify.Application.Calendars.Feeds;

public interface ICalendarExportWriter
{
    /// <summary>Writes an RFC 5545 calendar of all-day events.</summary>
    string Write(string calendarName, IEnumerable<ExportEvent> events);
}
