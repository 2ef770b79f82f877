namespace Kasify.Application.Calendars;

/// <summary>UIDs of our calendar export: <c>{bookingId}@kasify</c>, stable for the booking's life.</summary>
public static class ExportUid
{
    private const string Suffix = "@kasify";

    public static string For(Guid bookingId) => $"{bookingId:D}{Suffix}";

    public static Guid? BookingIdOf(string uid) =>
        uid.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) && Guid.TryParse(uid[..^Suffix.Length], out var id) ? id : null;
}
