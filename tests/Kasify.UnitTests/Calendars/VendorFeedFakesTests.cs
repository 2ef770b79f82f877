using Kasify.TestFakes.Calendars;

namespace Kasify.UnitTests.Calendars;

public sealed class VendorFeedFakesTests
{
    [Test]
    public void The_airbnb_fake_writes_a_feed_byte_for_byte_like_airbnb()
    {
        var feed = new AirbnbFeed()
            .WithReservation(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 5), code: "HMABCDE123", phoneLast4: "1234", uid: "1418fb94e984-0123456789abcdef0123456789abcdef@airbnb.com")
            .WithBlock(new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 13), uid: "6fec1092d3fa-fedcba9876543210fedcba9876543210@airbnb.com")
            .Build();

        feed.Should().Be(
            "BEGIN:VCALENDAR\r\n" +
            "PRODID;X-RICAL-TZSOURCE=TZINFO:-//Airbnb Inc//Hosting Calendar 0.8.8//EN\r\n" +
            "CALSCALE:GREGORIAN\r\n" +
            "VERSION:2.0\r\n" +
            "BEGIN:VEVENT\r\n" +
            "DTEND;VALUE=DATE:20260105\r\n" +
            "DTSTART;VALUE=DATE:20260101\r\n" +
            "UID:1418fb94e984-0123456789abcdef0123456789abcdef@airbnb.com\r\n" +
            "DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/de\r\n" +
            " tails/HMABCDE123\\nPhone Number (Last 4 Digits): 1234\r\n" +
            "SUMMARY:Reserved\r\n" +
            "END:VEVENT\r\n" +
            "BEGIN:VEVENT\r\n" +
            "DTEND;VALUE=DATE:20260213\r\n" +
            "DTSTART;VALUE=DATE:20260210\r\n" +
            "UID:6fec1092d3fa-fedcba9876543210fedcba9876543210@airbnb.com\r\n" +
            "SUMMARY:Airbnb (Not available)\r\n" +
            "END:VEVENT\r\n" +
            "END:VCALENDAR\r\n");
    }

    [Test]
    public void The_booking_com_fake_writes_a_feed_byte_for_byte_like_booking_com()
    {
        var feed = new BookingComFeed()
            .StampedAt(new DateTimeOffset(2026, 1, 20, 8, 15, 0, TimeSpan.Zero))
            .WithClosed(new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 13), uid: "0123456789abcdef0123456789abcdef@booking.com")
            .Build();

        feed.Should().Be(
            "BEGIN:VCALENDAR\r\n" +
            "VERSION:2.0\r\n" +
            "PRODID:-//admin.booking.com\\, b.v.//NONSGML v1.0//EN\r\n" +
            "CALSCALE:GREGORIAN\r\n" +
            "METHOD:PUBLISH\r\n" +
            "BEGIN:VEVENT\r\n" +
            "DTSTAMP:20260120T081500Z\r\n" +
            "DTSTART;VALUE=DATE:20260210\r\n" +
            "DTEND;VALUE=DATE:20260213\r\n" +
            "UID:0123456789abcdef0123456789abcdef@booking.com\r\n" +
            "SUMMARY:CLOSED - Not available\r\n" +
            "END:VEVENT\r\n" +
            "END:VCALENDAR\r\n");
    }

    [Test]
    public void Generated_uids_have_the_vendor_shapes()
    {
        AirbnbFeed.ReservationUid("HMABCDE123").Should().MatchRegex("^[0-9a-f]{12}-[0-9a-f]{32}@airbnb\\.com$");
        AirbnbFeed.BlockUid(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2)).Should().MatchRegex("^[0-9a-f]{12}-[0-9a-f]{32}@airbnb\\.com$");
        BookingComFeed.Uid(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2)).Should().MatchRegex("^[0-9a-f]{32}@booking\\.com$");
    }

    [Test]
    public void Folded_lines_never_exceed_75_octets()
    {
        var feed = new AirbnbFeed().WithReservation(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 5)).Build();

        feed.Split("\r\n").Should().OnlyContain(line => System.Text.Encoding.UTF8.GetByteCount(line) <= 75);
    }
}
