using Kasify.Domain.Properties;

namespace Kasify.Application.Properties;

internal static class PropertyCalendars
{
    /// <summary>Airbnb comes from <c>airbnb_ical_url</c> (null removes it); other channels are replaced only when given.</summary>
    public static void Apply(Property property, ValidPropertyRequest request, bool canChangeCalendars)
    {
        if (!canChangeCalendars) return;

        if (request.AirbnbIcalUrl is { } airbnbUrl)
        {
            var interval = property.Calendars.SingleOrDefault(c => c.Channel == Channel.Airbnb)?.SyncIntervalMinutes
                           ?? PropertyCalendar.DefaultSyncIntervalMinutes;
            property.SetCalendar(Channel.Airbnb, airbnbUrl, interval);
        }
        else
        {
            property.RemoveCalendar(Channel.Airbnb);
        }

        if (request.Calendars is null) return;
        foreach (var stale in property.Calendars.Where(c => c.Channel != Channel.Airbnb && request.Calendars.All(r => r.Channel != c.Channel)).ToList())
            property.RemoveCalendar(stale.Channel);
        foreach (var calendar in request.Calendars)
            property.SetCalendar(calendar.Channel, calendar.Url, calendar.SyncIntervalMinutes);
    }
}
