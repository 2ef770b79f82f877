using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;

namespace Kasify.Application.Calendars;

/// <summary><c>CalendarEvent</c> of docs/api.md §7; <paramref name="Type"/> is booking, block or task.</summary>
public sealed record CalendarEventResponse(Guid Id, string Type, DateOnly From, DateOnly To, string Title, string? Status,
    Channel? Channel, Guid? BookingId, Guid? TaskId, string? AssignedToName);

public sealed record PropertyCalendarResponse(Guid PropertyId, DateOnly From, DateOnly To, IReadOnlyList<CalendarEventResponse> Events);

public sealed record UpcomingCalendarResponse(DateOnly From, DateOnly To, IReadOnlyList<UpcomingPropertyEvents> Properties);

public sealed record UpcomingPropertyEvents(Guid PropertyId, string PropertyName, IReadOnlyList<CalendarEventResponse> Events);

public static class CalendarEvents
{
    /// <summary>Guest names only for owners and managers (<paramref name="withGuest"/>).</summary>
    public static CalendarEventResponse Of(Booking b, bool withGuest)
    {
        var isBlock = b.Status == BookingStatus.Blocked;
        var guest = string.Join(' ', new[] { b.GuestFirstName, b.GuestLastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var channel = b.Channel.ToString().ToLowerInvariant();
        var title = isBlock ? $"Blocked ({channel})" : withGuest && guest.Length > 0 ? $"{guest} ({channel})" : $"Reserved ({channel})";
        return new CalendarEventResponse(b.Id, isBlock ? "block" : "booking", b.From, b.To, title,
            b.Status.ToString().ToLowerInvariant(), b.Channel, b.Id, null, null);
    }
}
