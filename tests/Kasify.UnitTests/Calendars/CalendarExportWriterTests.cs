using Kasify.Application.Calendars.Feeds;
using Kasify.Infrastructure.Calendars.Feeds;
using Microsoft.Extensions.Time.Testing;

namespace Kasify.UnitTests.Calendars;

public sealed class CalendarExportWriterTests
{
    private static readonly ExportEvent[] Stays =
    [
        new("3f2b9c1e-0001@kasify", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 5), "Reserved"),
        new("3f2b9c1e-0002@kasify", new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 6), "Not available"),
        new("3f2b9c1e-0003@kasify", new DateOnly(2026, 12, 30), new DateOnly(2027, 1, 2), "Reserved"),
    ];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));

    [Test]
    public void Writing_then_parsing_gives_back_the_same_stays_and_uids()
    {
        var ics = Writer().Write("Casa Azul", Stays);

        var parsed = new IcalCalendarFeedParser().Parse(ics);

        parsed.Should().BeOfType<FeedParseResult.Parsed>()
            .Which.Events.Select(e => (e.Uid, e.From, e.To, e.Summary))
            .Should().Equal(Stays.Select(s => (s.Uid, s.From, s.To, (string?)s.Summary)));
    }

    [Test]
    public void Our_export_is_recognised_as_ours_when_it_comes_back()
    {
        var parsed = new IcalCalendarFeedParser().Parse(Writer().Write("Casa Azul", Stays));

        parsed.Should().BeOfType<FeedParseResult.Parsed>().Which.Events.Should().OnlyContain(e => e.IsKasifyExport);
    }

    [Test]
    public void The_export_is_an_all_day_rfc5545_calendar_with_our_product_id_and_name()
    {
        var ics = Writer().Write("Casa Azul", Stays);

        ics.Should().StartWith("BEGIN:VCALENDAR\r\n").And.EndWith("END:VCALENDAR\r\n");
        ics.Should().Contain("PRODID:-//Kasify//Calendar export//EN")
            .And.Contain("VERSION:2.0")
            .And.Contain("X-WR-CALNAME:Casa Azul")
            .And.Contain("DTSTART;VALUE=DATE:20260101")
            .And.Contain("DTEND;VALUE=DATE:20260105")
            .And.Contain("DTSTAMP:20260301T093000Z");
        ics.Should().NotContain("T000000", "stays are dates, not midnights");
    }

    [Test]
    public void The_export_contains_nothing_beyond_dates_uids_and_summaries()
    {
        var ics = Writer().Write("Casa Azul", Stays);

        var propertyNames = ics.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith(' '))
            .Select(line => line.Split(':', ';')[0])
            .Distinct();
        propertyNames.Should().BeSubsetOf(
        [
            "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME",
            "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE",
        ]);
    }

    [Test]
    public void An_empty_export_is_still_a_valid_calendar()
    {
        var parsed = new IcalCalendarFeedParser().Parse(Writer().Write("Casa Azul", []));

        parsed.Should().BeOfType<FeedParseResult.Parsed>().Which.Events.Should().BeEmpty();
    }

    private IcalCalendarExportWriter Writer() => new(_clock);
}
