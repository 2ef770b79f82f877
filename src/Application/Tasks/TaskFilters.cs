using System.Globalization;
using Kasify.Application.Common;
using Kasify.Domain.Tasks;

namespace Kasify.Application.Tasks;

/// <summary>Query of <c>GET /tasks</c> as received (strings are parsed here, so bad values give a 400 per field).</summary>
public sealed record TaskFilters(Guid? PropertyId, Guid? AssignedTo, string? Status, string? TaskType,
    string? ScheduledFrom, string? ScheduledTo, bool? IncludeCancelled, int? Page, int? Size);

public sealed record ValidTaskFilters(Guid? PropertyId, Guid? AssignedTo, WorkTaskStatus? Status, TaskType? TaskType,
    DateTime? ScheduledFrom, DateTime? ScheduledTo, bool IncludeCancelled, PageRequest Page)
{
    /// <summary>Filters on fields a stripped task view hides (docs/api.md §2: staff see only id, from, to, property).</summary>
    public bool FiltersOnHiddenFields => AssignedTo is not null || Status is not null || TaskType is not null;

    public static ValidTaskFilters From(TaskFilters f)
    {
        var page = PageRequest.From(f.Page, f.Size);
        var v = new Validation();
        var status = ParseEnum<WorkTaskStatus>(v, "status", f.Status, "pending, in_progress, completed or cancelled");
        var type = ParseEnum<TaskType>(v, "task_type", f.TaskType, "cleaning, maintenance, pool, gardening or other");
        var from = ParseInstant(v, "scheduled_from", f.ScheduledFrom, endOfDay: false);
        var to = ParseInstant(v, "scheduled_to", f.ScheduledTo, endOfDay: true);
        if (from is not null && to is not null && to < from) v.Add("scheduled_to", "scheduled_to must not be before scheduled_from.");
        v.ThrowIfInvalid();
        return new ValidTaskFilters(f.PropertyId, f.AssignedTo, status, type, from, to,
            f.IncludeCancelled == true || status == WorkTaskStatus.Cancelled, page);
    }

    internal static T? ParseEnum<T>(Validation v, string field, string? value, string allowed) where T : struct, Enum
    {
        if (value is null) return null;
        if (Enum.TryParse<T>(value.Replace("_", ""), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            return parsed;
        v.Add(field, $"{field} must be one of {allowed}.");
        return null;
    }

    /// <summary>A date (whole day, UTC) or an ISO-8601 timestamp.</summary>
    private static DateTime? ParseInstant(Validation v, string field, string? value, bool endOfDay)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return SaneDates.Check(v, field, day) ? day.ToDateTime(endOfDay ? TimeOnly.MaxValue : TimeOnly.MinValue, DateTimeKind.Utc) : null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return SaneDates.Check(v, field, instant.UtcDateTime) ? instant.UtcDateTime : null;
        v.Add(field, $"{field} must be a date (YYYY-MM-DD) or an ISO-8601 timestamp.");
        return null;
    }
}
