using Kasify.Application.Calendars;
using Kasify.Domain.Accounts;
using Kasify.Domain.Crew;

namespace Kasify.Application.Timeline;

/// <summary>
/// Task events in the calendar and timeline views, filtered per role (contractors: only their own tasks); implemented by
/// the tasks module (<see cref="Tasks.TaskTimelineSource"/>).
/// </summary>
public interface ITaskTimelineSource
{
    /// <param name="roles">The caller's role per property asked for.</param>
    Task<IReadOnlyList<PropertyCalendarEvent>> CalendarEventsAsync(User user, IReadOnlyDictionary<Guid, AccessLevel> roles,
        DateOnly from, DateOnly to, CancellationToken ct);

    Task<IReadOnlyList<TimelineItem>> UpcomingAsync(User user, IReadOnlyDictionary<Guid, AccessLevel> roles,
        DateTime fromUtc, DateTime toUtc, CancellationToken ct);

    /// <summary>Ids of the tasks assigned to the user: a contractor sees activities about these only.</summary>
    IQueryable<Guid> TaskIdsAssignedTo(User user);
}

/// <summary>A calendar event with the property it belongs to.</summary>
public sealed record PropertyCalendarEvent(Guid PropertyId, CalendarEventResponse Event);
