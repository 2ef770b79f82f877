using System.Globalization;

namespace Kasify.TestFakes.Calendars;

/// <summary>Builds a Booking.com property export exactly as vendors.md §3.2 describes it.</summary>
public sealed class BookingComFeed
{
    private readonly List<(DateOnly From, DateOnly To, string Uid)> _closed = [];
    private DateTimeOffset _stamp = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private bool _withOrganizer;

    /// <summary>The DTSTAMP written on every event (Booking.com stamps the export time).</summary>
    public BookingComFeed StampedAt(DateTimeOffset stamp)
    {
        _stamp = stamp;
        return this;
    }

    public BookingComFeed WithOrganizer()
    {
        _withOrganizer = true;
        return this;
    }

    /// <summary>A reservation or a manually closed range: Booking.com writes both the same way.</summary>
    public BookingComFeed WithClosed(DateOnly from, DateOnly to, string? uid = null)
    {
        _closed.Add((from, to, uid ?? Uid(from, to)));
        return this;
    }

    public static string Uid(DateOnly from, DateOnly to) =>
        $"{FakeUid.Hex($"booking-{from:O}-{to:O}", 32)}@booking.com";

    public string Build()
    {
        var lines = new IcsLines()
            .Add("BEGIN:VCALENDAR")
            .Add("VERSION:2.0")
            .Add(@"PRODID:-//admin.booking.com\, b.v.//NONSGML v1.0//EN")
            .Add("CALSCALE:GREGORIAN")
            .Add("METHOD:PUBLISH");
        var stamp = _stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var (from, to, uid) in _closed)
        {
            lines.Add("BEGIN:VEVENT")
                .Add($"DTSTAMP:{stamp}")
                .Add($"DTSTART;VALUE=DATE:{Ics(from)}")
                .Add($"DTEND;VALUE=DATE:{Ics(to)}")
                .Add($"UID:{uid}")
                .Add("SUMMARY:CLOSED - Not available");
            if (_withOrganizer)
            {
                lines.Add("ORGANIZER:mailto:noreply@booking.com");
            }

            lines.Add("END:VEVENT");
        }

        return lines.Add("END:VCALENDAR").ToString();
    }

    public override string ToString() => Build();

    private static string Ics(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
