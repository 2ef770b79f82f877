namespace Kasify.Application.Common;

/// <summary>Dates as the property sees them (its IANA time zone).</summary>
public static class PropertyClock
{
    public static DateOnly Today(DateTime utcNow, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)));
}
