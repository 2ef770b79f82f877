using Kasify.Application.Calendars.Feeds;
using Kasify.Infrastructure.Calendars.Feeds;
using Kasify.TestFakes.Calendars;

namespace Kasify.UnitTests.Calendars;

public sealed class CalendarFeedParserTests
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);
    private static readonly DateOnly Jan5 = new(2026, 1, 5);
    private static readonly DateOnly Feb10 = new(2026, 2, 10);
    private static readonly DateOnly Feb13 = new(2026, 2, 13);

    private readonly IcalCalendarFeedParser _parser = new();

    [Test]
    public void An_airbnb_feed_yields_its_reservation_with_code_and_phone_digits_and_its_block()
    {
        var feed = new AirbnbFeed()
            .WithReservation(Jan1, Jan5, code: "HMABCDE123", phoneLast4: "4321")
            .WithBlock(Feb10, Feb13)
            .Build();

        var events = ParseEvents(feed);

        events.Should().BeEquivalentTo(new[]
        {
            new FeedEvent(AirbnbFeed.ReservationUid("HMABCDE123"), Jan1, Jan5, "Reserved", FeedEventKind.Reservation, "HMABCDE123", "4321", false),
            new FeedEvent(AirbnbFeed.BlockUid(Feb10, Feb13), Feb10, Feb13, "Airbnb (Not available)", FeedEventKind.Blocked, null, null, false),
        });
    }

    [Test]
    public void An_all_day_event_keeps_its_dates_and_treats_dtend_as_the_check_out_day()
    {
        var events = ParseEvents(new AirbnbFeed().WithReservation(Jan1, Jan5).Build());

        events.Single().From.Should().Be(Jan1);
        events.Single().To.Should().Be(Jan5, "a 20260101→20260105 stay is four nights and the guest leaves on the 5th");
    }

    [Test]
    public void The_reservation_code_is_read_from_the_old_itinerary_url_too()
    {
        var events = ParseEvents(new AirbnbFeed().WithReservation(Jan1, Jan5, code: "HMZ9Y8X7W6", oldItineraryUrl: true).Build());

        events.Single().ReservationCode.Should().Be("HMZ9Y8X7W6");
    }

    [Test]
    public void A_reservation_without_phone_digits_has_no_phone()
    {
        var events = ParseEvents(new AirbnbFeed().WithReservation(Jan1, Jan5, phoneLast4: null).Build());

        events.Single().PhoneLast4.Should().BeNull();
        events.Single().ReservationCode.Should().Be("HMABCDE123");
    }

    [Test]
    public void The_very_old_airbnb_not_available_summary_is_a_block()
    {
        var events = ParseEvents(new AirbnbFeed().WithBlock(Jan1, Jan5, oldSummary: true).Build());

        events.Single().Kind.Should().Be(FeedEventKind.Blocked);
    }

    [Test]
    public void A_booking_com_closed_range_is_read_as_a_reservation_without_code()
    {
        var feed = new BookingComFeed().WithClosed(Feb10, Feb13).WithOrganizer().Build();

        var events = ParseEvents(feed);

        events.Should().ContainSingle().Which.Should().Be(new FeedEvent(
            BookingComFeed.Uid(Feb10, Feb13), Feb10, Feb13, "CLOSED - Not available", FeedEventKind.Reservation, null, null, false));
    }

    [Test]
    public void Folded_description_lines_are_unfolded_before_the_code_is_read()
    {
        var feed = new AirbnbFeed().WithReservation(Jan1, Jan5, code: "HMFOLDED01").Build();
        feed.Should().Contain("\r\n ", "the Airbnb description is longer than 75 octets");

        ParseEvents(feed).Single().ReservationCode.Should().Be("HMFOLDED01");
    }

    [Test]
    public void A_feed_with_lf_line_endings_parses_like_crlf()
    {
        var crlf = new AirbnbFeed().WithReservation(Jan1, Jan5).WithBlock(Feb10, Feb13).Build();

        ParseEvents(crlf.Replace("\r\n", "\n")).Should().BeEquivalentTo(ParseEvents(crlf));
    }

    [Test]
    public void Events_without_dtstamp_are_accepted()
    {
        var feed = new AirbnbFeed().WithReservation(Jan1, Jan5).Build();
        feed.Should().NotContain("DTSTAMP");

        ParseEvents(feed).Should().HaveCount(1);
    }

    [Test]
    public void Timed_events_use_the_date_written_in_their_own_zone()
    {
        var feed = Calendar(
            Event("tzid", "DTSTART;TZID=Europe/Madrid:20260301T160000", "DTEND;TZID=Europe/Madrid:20260304T110000"),
            Event("utc-late", "DTSTART:20260310T230000Z", "DTEND:20260312T230000Z"),
            Event("floating", "DTSTART:20260320T150000", "DTEND:20260321T100000"));

        ParseEvents(feed).Select(e => (e.Uid, e.From, e.To)).Should().Equal(
            ("tzid", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 4)),
            ("utc-late", new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12)),
            ("floating", new DateOnly(2026, 3, 20), new DateOnly(2026, 3, 21)));
    }

    [Test]
    public void An_event_without_dtend_lasts_one_night()
    {
        var events = ParseEvents(Calendar(Event("no-end", "DTSTART;VALUE=DATE:20260401")));

        events.Single().To.Should().Be(new DateOnly(2026, 4, 2));
    }

    [Test]
    public void An_event_with_a_duration_instead_of_dtend_ends_after_that_duration()
    {
        var events = ParseEvents(Calendar(Event("duration", "DTSTART;VALUE=DATE:20260401", "DURATION:P3D")));

        events.Single().To.Should().Be(new DateOnly(2026, 4, 4));
    }

    [Test]
    public void Events_without_uid_are_skipped()
    {
        var feed = Calendar(
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260401\r\nDTEND;VALUE=DATE:20260403\r\nSUMMARY:Reserved\r\nEND:VEVENT",
            Event("kept", "DTSTART;VALUE=DATE:20260501", "DTEND;VALUE=DATE:20260503"));

        ParseEvents(feed).Select(e => e.Uid).Should().Equal("kept");
    }

    [Test]
    public void A_guid_shaped_uid_written_in_the_feed_is_kept()
    {
        var feed = Calendar(Event("5C0E3E0B-7A51-4B9E-9C53-0D7C8E7D8F10", "DTSTART;VALUE=DATE:20260401", "DTEND;VALUE=DATE:20260403"));

        ParseEvents(feed).Select(e => e.Uid).Should().Equal("5C0E3E0B-7A51-4B9E-9C53-0D7C8E7D8F10");
    }

    [Test]
    public void Several_vcalendars_in_one_file_are_all_read()
    {
        var feed = new AirbnbFeed().WithReservation(Jan1, Jan5).Build()
            + new BookingComFeed().WithClosed(Feb10, Feb13).Build();

        ParseEvents(feed).Select(e => e.Uid).Should().Equal(
            AirbnbFeed.ReservationUid("HMABCDE123"), BookingComFeed.Uid(Feb10, Feb13));
    }

    [Test]
    public void A_valid_calendar_without_events_is_a_success_with_no_events()
    {
        ParseEvents(FakeFeedServer.EmptyCalendar).Should().BeEmpty();
    }

    [TestCase("", "empty")]
    [TestCase("   \r\n ", "empty")]
    [TestCase("Hello, this is not a calendar", "not an iCalendar document")]
    [TestCase("<!DOCTYPE html><html><body>Sign in</body></html>", "HTML")]
    [TestCase("{\"error\":\"not found\"}", "not an iCalendar document")]
    public void Text_that_is_not_icalendar_is_a_failure_with_a_reason(string body, string reasonFragment)
    {
        var result = _parser.Parse(body);

        result.Should().BeOfType<FeedParseResult.Failed>()
            .Which.Reason.Should().Contain(reasonFragment);
    }

    [Test]
    public void A_truncated_feed_is_a_failure_rather_than_a_shorter_feed()
    {
        var feed = new AirbnbFeed().WithReservation(Jan1, Jan5).WithBlock(Feb10, Feb13).Build();

        var result = _parser.Parse(feed[..(feed.Length / 2)]);

        result.Should().BeOfType<FeedParseResult.Failed>().Which.Reason.Should().Contain("truncated");
    }

    [Test]
    public void Unknown_summaries_are_of_unknown_kind()
    {
        var events = ParseEvents(Calendar(Event("vrbo", "DTSTART;VALUE=DATE:20260401", "DTEND;VALUE=DATE:20260403", "SUMMARY:Blocked by owner")));

        events.Single().Kind.Should().Be(FeedEventKind.Unknown);
    }

    [Test]
    public void An_event_whose_uid_ends_with_at_kasify_is_our_own_export()
    {
        var events = ParseEvents(Calendar(Event("7f1c0d4e@kasify", "DTSTART;VALUE=DATE:20260401", "DTEND;VALUE=DATE:20260403")));

        events.Single().IsKasifyExport.Should().BeTrue();
    }

    [Test]
    public void Every_event_of_a_calendar_produced_by_kasify_is_our_own_export()
    {
        var feed = Calendar(Event("someone-else", "DTSTART;VALUE=DATE:20260401", "DTEND;VALUE=DATE:20260403"))
            .Replace("PRODID:-//Test//Feed//EN", "PRODID:-//Kasify//Calendar export//EN");

        ParseEvents(feed).Single().IsKasifyExport.Should().BeTrue();
    }

    [Test]
    public void Vendor_events_are_not_our_own_export()
    {
        var feed = new AirbnbFeed().WithReservation(Jan1, Jan5).Build() + new BookingComFeed().WithClosed(Feb10, Feb13).Build();

        ParseEvents(feed).Should().OnlyContain(e => !e.IsKasifyExport);
    }

    private IReadOnlyList<FeedEvent> ParseEvents(string body) =>
        _parser.Parse(body).Should().BeOfType<FeedParseResult.Parsed>().Which.Events;

    private static string Calendar(params string[] events) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Feed//EN\r\n" + string.Join("\r\n", events) + "\r\nEND:VCALENDAR\r\n";

    private static string Event(string uid, params string[] properties) =>
        $"BEGIN:VEVENT\r\nUID:{uid}\r\n{string.Join("\r\n", properties)}\r\nEND:VEVENT";
}
