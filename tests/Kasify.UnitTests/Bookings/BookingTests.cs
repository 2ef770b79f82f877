using Kasify.Domain.Bookings;
using Kasify.Domain.Common;
using Kasify.Domain.Properties;

namespace Kasify.UnitTests.Bookings;

public sealed class BookingTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly StayPeriod June = StayPeriod.Create(new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 14), new TimeOnly(16, 0), new TimeOnly(11, 0));

    private static Booking NewBooking(BookingStatus status = BookingStatus.Confirmed) =>
        Booking.Create(Guid.NewGuid(), June, Channel.Direct, null, status, GuestDetails.None, Now);

    [Test]
    public void A_new_booking_raises_BookingCreated_and_gets_a_high_entropy_checkin_code()
    {
        var booking = NewBooking();

        booking.PopDomainEvents().Should().Equal(new BookingCreated(booking.Id, booking.PropertyId, June.From, June.To, BookingStatus.Confirmed, Channel.Direct, false));
        booking.CheckinCode.Should().MatchRegex("^[A-Za-z0-9_-]{24}$");
        NewBooking().CheckinCode.Should().NotBe(booking.CheckinCode);
    }

    [Test]
    public void A_stay_must_end_after_it_starts()
    {
        var act = () => StayPeriod.Create(new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 10), default, default);

        act.Should().Throw<DomainRuleException>();
    }

    [Test]
    public void Same_day_turnover_is_no_overlap()
    {
        June.Overlaps(new DateOnly(2026, 6, 14), new DateOnly(2026, 6, 16)).Should().BeFalse();
        June.Overlaps(new DateOnly(2026, 6, 13), new DateOnly(2026, 6, 16)).Should().BeTrue();
        June.Overlaps(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 10)).Should().BeFalse();
    }

    [Test]
    public void Moving_the_stay_raises_BookingStayChanged_with_old_and_new()
    {
        var booking = NewBooking();
        booking.PopDomainEvents();
        var later = June with { From = new DateOnly(2026, 6, 11), To = new DateOnly(2026, 6, 15) };

        booking.ChangeStay(later);
        booking.ChangeStay(later);

        booking.PopDomainEvents().Should().Equal(new BookingStayChanged(booking.Id, booking.PropertyId, June, later));
    }

    [Test]
    public void Cancelling_twice_raises_one_event_and_confirming_brings_it_back()
    {
        var booking = NewBooking();
        booking.PopDomainEvents();

        booking.Cancel(Now);
        booking.Cancel(Now);
        booking.Confirm();

        booking.PopDomainEvents().Should().Equal(
            new BookingCancelled(booking.Id, booking.PropertyId, June.From, June.To),
            new BookingConfirmed(booking.Id, booking.PropertyId, June.From, June.To));
        booking.Status.Should().Be(BookingStatus.Confirmed);
        booking.CancelledAt.Should().BeNull();
    }

    [Test]
    public void A_confirmed_stay_that_becomes_a_block_is_no_longer_a_stay()
    {
        var booking = NewBooking();
        booking.PopDomainEvents();

        booking.Block();

        booking.Status.Should().Be(BookingStatus.Blocked);
        booking.PopDomainEvents().Should().ContainSingle().Which.Should().BeOfType<BookingCancelled>();
    }

    [Test]
    public void A_booking_cannot_be_created_cancelled_or_with_negative_guests()
    {
        var cancelled = () => NewBooking(BookingStatus.Cancelled);
        var negative = () => Booking.Create(Guid.NewGuid(), June, Channel.Direct, null, BookingStatus.Confirmed, GuestDetails.None with { AdultsCount = -1 }, Now);

        cancelled.Should().Throw<DomainRuleException>();
        negative.Should().Throw<DomainRuleException>();
    }

    [Test]
    public void Check_in_completes_once()
    {
        var booking = NewBooking();
        booking.PopDomainEvents();

        booking.CompleteCheckin(Now);
        booking.CompleteCheckin(Now.AddHours(1));

        booking.CheckinCompletedAt.Should().Be(Now);
        booking.PopDomainEvents().Should().ContainSingle().Which.Should().BeOfType<BookingCheckinCompleted>();
    }
}
