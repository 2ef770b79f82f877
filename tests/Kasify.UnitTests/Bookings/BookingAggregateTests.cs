using Kasify.Domain.Bookings;
using Kasify.Domain.Common;
using Kasify.Domain.Properties;
using static Kasify.UnitTests.Bookings.Stays;

namespace Kasify.UnitTests.Bookings;

/// <summary>The booking's state machine and invariants, without HTTP (in the style of eShop's OrderAggregateTest).</summary>
public sealed class BookingAggregateTests
{
    [Test]
    public void A_booking_is_created_confirmed_or_blocked_and_says_so()
    {
        var confirmed = Manual(10, 14);
        var blocked = Manual(10, 14, BookingStatus.Blocked);

        confirmed.Status.Should().Be(BookingStatus.Confirmed);
        blocked.Status.Should().Be(BookingStatus.Blocked);
        confirmed.PopDomainEvents().Should().Equal(new BookingCreated(confirmed.Id, PropertyId, June(10), June(14), BookingStatus.Confirmed, Channel.Direct, Imported: false));
        Imported(10, 14).PopDomainEvents().Should().ContainSingle().Which.As<BookingCreated>().Imported.Should().BeTrue();
    }

    [Test]
    public void A_booking_cannot_be_created_cancelled_and_the_rule_can_be_asked_first()
    {
        Booking.MayBeCreatedAs(BookingStatus.Cancelled).Should().BeFalse();
        Booking.MayBeCreatedAs(BookingStatus.Blocked).Should().BeTrue();

        FluentActions.Invoking(() => Manual(10, 14, BookingStatus.Cancelled))
            .Should().Throw<DomainRuleException>().WithMessage(Booking.CannotBeCreatedCancelled).Which.IsConflict.Should().BeFalse();
    }

    [TestCase(10, 10)]
    [TestCase(14, 10)]
    public void A_stay_must_end_after_it_starts_wherever_it_comes_from(int fromDay, int toDay)
    {
        var booking = Manual(1, 3).Saved();

        StayPeriod.EndsAfterStart(June(fromDay), June(toDay)).Should().BeFalse();
        FluentActions.Invoking(() => StayPeriod.Create(June(fromDay), June(toDay), default, default)).Should().Throw<DomainRuleException>().WithMessage(StayPeriod.MustEndAfterStart);
        FluentActions.Invoking(() => Manual(fromDay, toDay)).Should().Throw<DomainRuleException>().Which.IsConflict.Should().BeFalse();
        FluentActions.Invoking(() => booking.ChangeStay(Stay(fromDay, toDay))).Should().Throw<DomainRuleException>();
        booking.Stay.Should().Be(Stay(1, 3), "a refused change leaves the stay as it was");
        booking.PopDomainEvents().Should().BeEmpty();
    }

    [Test]
    public void Changing_the_stay_raises_one_event_with_old_and_new_and_the_same_stay_none()
    {
        var booking = Manual(10, 14).Saved();

        booking.ChangeStay(Stay(11, 15));
        booking.ChangeStay(Stay(11, 15));

        booking.PopDomainEvents().Should().Equal(new BookingStayChanged(booking.Id, PropertyId, Stay(10, 14), Stay(11, 15)));
    }

    [Test]
    public void Cancel_then_restore_raises_each_once_and_clears_the_cancellation_time()
    {
        var booking = Manual(10, 14).Saved();

        booking.Cancel(Now);
        booking.Cancel(Now.AddHours(1));
        booking.CancelledAt.Should().Be(Now);
        booking.Confirm();
        booking.Confirm();

        booking.Status.Should().Be(BookingStatus.Confirmed);
        booking.CancelledAt.Should().BeNull();
        booking.PopDomainEvents().Should().Equal(
            new BookingCancelled(booking.Id, PropertyId, June(10), June(14)),
            new BookingConfirmed(booking.Id, PropertyId, June(10), June(14)));
    }

    [Test]
    public void Blocking_a_confirmed_stay_ends_the_stay_but_blocking_a_cancelled_one_raises_nothing()
    {
        var confirmed = Manual(10, 14).Saved();
        var cancelled = Manual(10, 14).Saved();
        cancelled.Cancel(Now);
        cancelled.PopDomainEvents();

        confirmed.Block();
        cancelled.Block();

        confirmed.PopDomainEvents().Should().Equal(new BookingCancelled(confirmed.Id, PropertyId, June(10), June(14)));
        cancelled.PopDomainEvents().Should().BeEmpty();
        cancelled.Status.Should().Be(BookingStatus.Blocked);
        cancelled.CancelledAt.Should().BeNull();
    }

    [Test]
    public void A_host_change_raises_stay_details_and_status_events_in_that_order()
    {
        var booking = Manual(10, 14).Saved();
        var changes = new BookingChanges(Stay(11, 14), GuestDetails.None with { FirstName = "Ana" }, "R-1", Channel.Vrbo, BookingStatus.Cancelled);

        booking.Change(changes, StayOverlap.Refused([]), Now);

        booking.PopDomainEvents().Select(e => e.GetType()).Should().Equal(
            typeof(BookingStayChanged), typeof(BookingDetailsChanged), typeof(BookingDetailsChanged), typeof(BookingCancelled));
        (booking.Guest.FirstName, booking.ChannelId, booking.Channel, booking.Status).Should().Be(("Ana", "R-1", Channel.Vrbo, BookingStatus.Cancelled));
    }

    [Test]
    public void Guest_counts_cannot_be_negative()
    {
        FluentActions.Invoking(() => Manual(10, 14, guest: GuestDetails.None with { ChildrenCount = -1 }))
            .Should().Throw<DomainRuleException>().Which.IsConflict.Should().BeFalse();
    }
}
