using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;

namespace Kasify.UnitTests.Bookings;

public sealed class SesReportTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Booking NewBooking() => Booking.Create(Guid.NewGuid(),
        StayPeriod.Create(new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 14), new TimeOnly(16, 0), new TimeOnly(11, 0)),
        Channel.Direct, null, BookingStatus.Confirmed, GuestDetails.None, Now);

    [Test]
    public void Only_a_pending_report_can_be_claimed_and_only_once()
    {
        var booking = NewBooking();

        booking.ClaimSesReport(Now).Should().BeFalse("nothing is queued yet");
        booking.QueueSesReport().Should().BeTrue();
        booking.ClaimSesReport(Now).Should().BeTrue();
        booking.ClaimSesReport(Now).Should().BeFalse();
        booking.Ses.State.Should().Be(SesReportState.Sending);
        booking.Ses.Attempts.Should().Be(1);
        booking.Ses.ClaimedAt.Should().Be(Now);
    }

    [Test]
    public void A_report_in_flight_cannot_be_queued_again()
    {
        var booking = NewBooking();
        booking.QueueSesReport();
        booking.ClaimSesReport(Now);

        booking.QueueSesReport().Should().BeFalse();
        booking.SesReportSent("lote-1", Now);
        booking.QueueSesReport().Should().BeFalse();
        booking.Ses.Should().Match<SesReport>(s => s.State == SesReportState.Submitted && s.BatchId == "lote-1" && s.ClaimedAt == null);
    }

    [Test]
    public void An_uncertain_report_keeps_its_attempts_and_error_until_it_is_queued_again()
    {
        var booking = NewBooking();
        booking.QueueSesReport();
        booking.ClaimSesReport(Now);
        booking.SesReportUncertain(new string('x', 2000));

        booking.Ses.State.Should().Be(SesReportState.Uncertain);
        booking.Ses.LastError.Should().HaveLength(SesReport.MaxErrorLength);
        booking.QueueSesReport().Should().BeTrue();
        booking.Ses.Attempts.Should().Be(1);
    }
}
