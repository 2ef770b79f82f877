using System.Globalization;

namespace Kasify.Simulation.Hosting;

/// <summary>The five-field cron expressions our recurring jobs use (<c>*</c>, <c>*/n</c>, <c>n</c>, lists), minute resolution, UTC.</summary>
public sealed class CronSchedule
{
    private readonly Func<int, bool>[] _fields;

    public CronSchedule(string expression)
    {
        var parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5) throw new FormatException($"Unsupported cron expression '{expression}'.");
        _fields = parts.Select(Field).ToArray();
    }

    public bool Matches(DateTime utc) =>
        _fields[0](utc.Minute) && _fields[1](utc.Hour) && _fields[2](utc.Day) && _fields[3](utc.Month) && _fields[4]((int)utc.DayOfWeek);

    /// <summary>Whether an occurrence falls in (<paramref name="after"/>, <paramref name="until"/>].</summary>
    public bool OccursBetween(DateTime after, DateTime until)
    {
        for (var minute = Truncate(after).AddMinutes(1); minute <= until; minute = minute.AddMinutes(1))
            if (Matches(minute)) return true;
        return false;
    }

    private static DateTime Truncate(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Utc);

    private static Func<int, bool> Field(string text)
    {
        var options = text.Split(',').Select<string, Func<int, bool>>(part =>
        {
            if (part == "*") return _ => true;
            if (part.StartsWith("*/", StringComparison.Ordinal))
            {
                var step = int.Parse(part[2..], CultureInfo.InvariantCulture);
                return v => v % step == 0;
            }
            var value = int.Parse(part, CultureInfo.InvariantCulture);
            return v => v == value;
        }).ToList();
        return v => options.Any(o => o(v));
    }
}
