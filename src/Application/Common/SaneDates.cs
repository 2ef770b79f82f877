namespace Kasify.Application.Common;

/// <summary>
/// The dates Kasify works with: 2000-01-01 to 2100-12-31. Anything outside is a typo or an attack, and near
/// DateOnly.MinValue/MaxValue the date arithmetic of calendars and cleaning plans would overflow (a 500).
/// </summary>
public static class SaneDates
{
    public static readonly DateOnly Min = new(2000, 1, 1);
    public static readonly DateOnly Max = new(2100, 12, 31);

    public static bool Contains(DateOnly date) => date >= Min && date <= Max;

    public static bool Contains(DateTime instant) => Contains(DateOnly.FromDateTime(instant));

    /// <summary>Adds a 400 for <paramref name="field"/> when the date is given and out of range; true when it is fine.</summary>
    public static bool Check(Validation v, string field, DateOnly? date)
    {
        if (date is not { } d || Contains(d)) return true;
        v.Add(field, Message(field));
        return false;
    }

    public static bool Check(Validation v, string field, DateTime? instant) =>
        Check(v, field, instant is { } i ? DateOnly.FromDateTime(i) : null);

    public static string Message(string field) => $"{field} must be between {Min:yyyy-MM-dd} and {Max:yyyy-MM-dd}.";
}
