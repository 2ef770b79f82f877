using System.Text.Json;
using Kasify.Application.Access;
using Kasify.Application.Calendars;
using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.Accounts;
using Kasify.Domain.Crew;
using Kasify.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Tasks;

/// <summary>
/// Tasks in the calendar and timeline views, seen as <see cref="PropertyAccess.ViewOf"/> decides (docs/api.md §2): owners and
/// managers every task, staff theirs and the others stripped (no type, status, assignee or booking), contractors only
/// theirs. Cancelled tasks are left out. One query for the tasks, one for their properties and one for assignee names.
/// </summary>
public sealed class TaskTimelineSource(IKasifyDb db) : ITaskTimelineSource
{
    public async Task<IReadOnlyList<PropertyCalendarEvent>> CalendarEventsAsync(User user, IReadOnlyDictionary<Guid, AccessLevel> roles,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Task times are UTC, the window is in property-local days: load with a day of slack, then cut per time zone.
        var seen = await VisibleAsync(user, roles,
            t => t.From < to.AddDays(2).ToDateTime(TimeOnly.MinValue) && t.To >= from.AddDays(-1).ToDateTime(TimeOnly.MinValue), ct);
        var result = new List<PropertyCalendarEvent>();
        foreach (var (t, view, property, assignee) in seen)
        {
            var localFrom = LocalDate(t.From, property.TimeZone);
            var localTo = LocalDate(t.To, property.TimeZone);
            if (localFrom > to || localTo < from) continue;
            var full = view == TaskView.Full;
            result.Add(new PropertyCalendarEvent(t.PropertyId, new CalendarEventResponse(t.Id, "task", localFrom, localTo,
                full ? Title(t) : "Task", full ? Status(t) : null, null, full ? t.BookingId : null, t.Id, full ? assignee : null)));
        }
        return result;
    }

    public async Task<IReadOnlyList<TimelineItem>> UpcomingAsync(User user, IReadOnlyDictionary<Guid, AccessLevel> roles,
        DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var seen = await VisibleAsync(user, roles, t => t.From >= fromUtc && t.From <= toUtc, ct);
        return seen.Select(s => new TimelineItem("task", s.Task.From, s.Task.PropertyId, s.Property.Name,
                s.View == TaskView.Full ? s.Task.BookingId : null, s.Task.Id, s.View == TaskView.Full ? Title(s.Task) : "Task"))
            .ToList();
    }

    public IQueryable<Guid> TaskIdsAssignedTo(User user) => db.Tasks.Where(t => t.AssignedTo == user.Id).Select(t => t.Id);

    private sealed record PropertyInfo(string Name, string TimeZone);

    /// <summary>The fields of a task the calendar and timeline show: whole tasks carry notes and job reports.</summary>
    private sealed record TaskFacts(Guid Id, Guid PropertyId, DateTime From, DateTime To, TaskType TaskType, WorkTaskStatus Status,
        Guid? AssignedTo, Guid? BookingId);

    private async Task<List<(TaskFacts Task, TaskView View, PropertyInfo Property, string? Assignee)>> VisibleAsync(User user,
        IReadOnlyDictionary<Guid, AccessLevel> roles, System.Linq.Expressions.Expression<Func<PropertyTask, bool>> when, CancellationToken ct)
    {
        if (roles.Count == 0) return [];
        var allTasks = roles.Where(r => r.Value != AccessLevel.Contractor).Select(r => r.Key).ToList();
        var ownTasksOnly = roles.Where(r => r.Value == AccessLevel.Contractor).Select(r => r.Key).ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(when)
            .Where(t => t.Status != WorkTaskStatus.Cancelled
                        && (allTasks.Contains(t.PropertyId) || (ownTasksOnly.Contains(t.PropertyId) && t.AssignedTo == user.Id)))
            .OrderBy(t => t.From).ThenBy(t => t.Id)
            .Select(t => new TaskFacts(t.Id, t.PropertyId, t.From, t.To, t.TaskType, t.Status, t.AssignedTo, t.BookingId))
            .ToListAsync(ct);
        if (tasks.Count == 0) return [];

        var propertyIds = tasks.Select(t => t.PropertyId).Distinct().ToList();
        var properties = await db.Properties.AsNoTracking().Where(p => propertyIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new PropertyInfo(p.Name, p.TimeZone), ct);
        var assigneeIds = tasks.Where(t => t.AssignedTo is not null).Select(t => t.AssignedTo!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => assigneeIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        return tasks
            .Select(t => (Task: t, View: PropertyAccess.ViewOf(roles[t.PropertyId], t.AssignedTo, user.Id)))
            .Where(x => x.View != TaskView.Hidden && properties.ContainsKey(x.Task.PropertyId))
            .Select(x => (x.Task, x.View, properties[x.Task.PropertyId], x.Task.AssignedTo is { } a ? names.GetValueOrDefault(a) : null))
            .ToList();
    }

    private static DateOnly LocalDate(DateTime utc, string timeZone) => PropertyClock.Today(utc, timeZone);

    private static readonly Dictionary<TaskType, string> Titles = Enum.GetValues<TaskType>().ToDictionary(t => t, t => t.ToString());

    private static readonly Dictionary<WorkTaskStatus, string> Statuses =
        Enum.GetValues<WorkTaskStatus>().ToDictionary(s => s, s => JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString()));

    private static string Title(TaskFacts t) => Titles[t.TaskType];

    private static string Status(TaskFacts t) => Statuses[t.Status];
}
