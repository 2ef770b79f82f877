using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Kasify.Application.Calendars.Feeds;

namespace Kasify.Infrastructure.Calendars.Feeds;

internal sealed class IcalCalendarExportWriter(TimeProvider timeProvider) : ICalendarExportWriter
{
    public const string ProductId = "-//Kasify//Calendar export//EN";

    public string Write(string calendarName, IEnumerable<ExportEvent> events)
    {
        var stamp = new CalDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var calendar = new Calendar { ProductId = ProductId, Method = "PUBLISH", Scale = "GREGORIAN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);

        foreach (var exportEvent in events)
        {
            // Importers reject or mis-read zero-night events; a stay always covers at least one night.
            var to = exportEvent.To > exportEvent.From ? exportEvent.To : exportEvent.From.AddDays(1);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = exportEvent.Uid,
                Summary = exportEvent.Summary,
                DtStart = new CalDateTime(exportEvent.From),
                DtEnd = new CalDateTime(to),
                DtStamp = stamp,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net produced no output for the export calendar.");
    }
}
