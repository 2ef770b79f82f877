using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;

namespace Kasify.Application.Calendars;

/// <summary><c>CalendarEvent</c> of docs/api.md §7; <paramref name="Type"/> is booking, block or task.</summary>
public sealed record CalendarEventResponse(Guid Id, string Type, DateOnly From, DateOnly To, string Title, string? Status,
    Channel? Channel, Guid? BookingId, Guid? TaskId, string? AssignedToName);

public sealed record PropertyCalendarResponse(Guid PropertyId, DateOnly From, DateOnly To, IReadOnlyList<CalendarEventResponse> Events);

public sealed record UpcomingCalendarResponse(DateOnly From, DateOnly To, IReadOnlyList<UpcomingPropertyEvents> Properties);

public sealed record UpcomingPropertyEvents(Guid PropertyId, string PropertyName, IReadOnlyList<CalendarEventResponse> Events);

/// <summary>The fields of a booking that its calendar event shows.</summary>
public sealed record CalendarStay(Guid Id, Guid PropertyId, DateOnly From, DateOnly To, BookingStatus Status, Channel Channel,
    string? GuestFirstName, string? GuestLastName);

public static class CalendarEvents
{
    // Lower-case status names once, not one ToString().ToLowerInvariant() per event (channels: ChannelNames).
    private static readonly Dictionary<BookingStatus, string> StatusNames =
        Enum.GetValues<BookingStatus>().ToDictionary(s => s, s => s.ToString().ToLowerInvariant());

    /// <summary>Guest names only for owners and managers (<paramref name="withGuest"/>).</summary>
    public static CalendarEventResponse Of(CalendarStay b, bool withGuest)
    {
        var isBlock = b.Status == BookingStatus.Blocked;
        var channel = b.Channel.LowerName();
        var title = isBlock ? $"Blocked ({channel})"
            : withGuest && GuestName(b) is { Length: > 0 } guest ? $"{guest} ({channel})"
            : $"Reserved ({channel})";
        return new CalendarEventResponse(b.Id, isBlock ? "block" : "booking", b.From, b.To, title, StatusNames[b.Status], b.Channel, b.Id,
            null, null);
    }

    private static string GuestName(CalendarStay b)
    {
        var first = string.IsNullOrWhiteSpace(b.GuestFirstName) ? null : b.GuestFirstName;
        var last = string.IsNullOrWhiteSpace(b.GuestLastName) ? null : b.GuestLastName;
        return first is null ? last ?? "" : last is null ? first : $"{first} {last}";
    }
}
