using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.Crew;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Calendars;

/// <summary>GET /properties/{id}/calendar: any member; contractors see only their own task events.</summary>
[PropertyScope(AccessLevel.Owner, AccessLevel.Manager, AccessLevel.Staff, AccessLevel.Contractor)]
public sealed class GetPropertyCalendarHandler(IKasifyDb db, UseCaseCaller caller, CalendarEventsReader events, TimeProvider time)
{
    public async Task<PropertyCalendarResponse> HandleAsync(Guid propertyId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var role = caller.RoleOn(propertyId);
        var timeZone = await db.Properties.Where(p => p.Id == propertyId).Select(p => p.TimeZone).SingleAsync(ct);
        var window = CalendarWindow.Create(from, to, PropertyClock.Today(time.GetUtcNow().UtcDateTime, timeZone));
        var byProperty = await events.ReadAsync(caller.User, new Dictionary<Guid, AccessLevel> { [propertyId] = role }, window, ct);
        return new PropertyCalendarResponse(propertyId, window.From, window.To, byProperty[propertyId].ToList());
    }
}

/// <summary>GET /calendar/upcoming: every property the caller can see, with its events in the window.</summary>
[CallerScope]
public sealed class GetUpcomingCalendarHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, CalendarEventsReader events, TimeProvider time)
{
    public async Task<UpcomingCalendarResponse> HandleAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var user = caller.User;
        var window = CalendarWindow.Create(from, to, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var roles = await access.RolesAsync(user, ct);
        var ids = roles.Keys.ToList();
        var names = await db.Properties.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var byProperty = await events.ReadAsync(user, roles, window, ct);
        return new UpcomingCalendarResponse(window.From, window.To,
            names.Select(p => new UpcomingPropertyEvents(p.Id, p.Name, byProperty[p.Id].ToList())).ToList());
    }
}

/// <summary>Booking and block events (none for contractors; staff without guest names) plus the task source's events.</summary>
public sealed class CalendarEventsReader(IKasifyDb db, ITaskTimelineSource tasks)
{
    public async Task<ILookup<Guid, CalendarEventResponse>> ReadAsync(Domain.Accounts.User user, IReadOnlyDictionary<Guid, AccessLevel> roles,
        CalendarWindow window, CancellationToken ct)
    {
        var readers = roles.Where(r => r.Value != AccessLevel.Contractor).Select(r => r.Key).ToList();
        // Only the fields an event shows: whole bookings cost ~35 columns a row (1 M bookings: tens of MB a request).
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => readers.Contains(b.PropertyId) && b.Status != Domain.Bookings.BookingStatus.Cancelled
                        && b.From <= window.To && b.To >= window.From)
            .OrderBy(b => b.From).ThenBy(b => b.Id)
            .Select(b => new CalendarStay(b.Id, b.PropertyId, b.From, b.To, b.Status, b.Channel, b.GuestFirstName, b.GuestLastName))
            .ToListAsync(ct);
        var taskEvents = await tasks.CalendarEventsAsync(user, roles, window.From, window.To, ct);
        return bookings
            .Select(b => new PropertyCalendarEvent(b.PropertyId, CalendarEvents.Of(b, roles[b.PropertyId] is AccessLevel.Owner or AccessLevel.Manager)))
            .Concat(taskEvents)
            .OrderBy(e => e.Event.From).ThenBy(e => e.Event.Type)
            .ToLookup(e => e.PropertyId, e => e.Event);
    }
}
