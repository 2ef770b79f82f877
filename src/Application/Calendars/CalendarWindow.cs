using Kasify.Application.Common;

namespace Kasify.Application.Calendars;

/// <summary>Inclusive date window of the calendar views: default today → +1 month, at most 366 days (docs/api.md §7).</summary>
public sealed record CalendarWindow(DateOnly From, DateOnly To)
{
    public const int MaxSpanDays = 365;

    public static CalendarWindow Create(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var v = new Validation();
        SaneDates.Check(v, "from", from);
        SaneDates.Check(v, "to", to);
        v.ThrowIfInvalid(); // before any arithmetic: 9999-12-15 + 1 month overflows
        var start = from ?? today;
        var end = to ?? (from is null ? today.AddMonths(1) : start.AddMonths(1));
        if (end < start) v.Add("to", "to must not be before from.");
        else if (end.DayNumber - start.DayNumber > MaxSpanDays) v.Add("to", "The window can span at most 366 days (to - from ≤ 365).");
        v.ThrowIfInvalid();
        return new CalendarWindow(start, end);
    }
}
