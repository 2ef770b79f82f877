using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;
using static Kasify.UnitTests.Bookings.Stays;

namespace Kasify.UnitTests.Bookings;

/// <summary>The one overlap rule: for the host's bookings (refused unless allowed) and for imported stays (reported).</summary>
public sealed class StayOverlapTests
{
    private static Booking CreateManual(int fromDay, int toDay, StayOverlap overlap, BookingStatus status = BookingStatus.Confirmed) =>
        Booking.Create(PropertyId, Stay(fromDay, toDay), Channel.Direct, null, status, GuestDetails.None, overlap, Now);

    [Test]
    public void A_new_booking_sharing_a_night_with_a_confirmed_stay_is_refused_naming_that_stay()
    {
        var july = Manual(10, 14);

        var refused = FluentActions.Invoking(() => CreateManual(13, 16, StayOverlap.Refused([july])))
            .Should().Throw<StayOverlapException>().Which;

        refused.OverlappedBookingId.Should().Be(july.Id);
        refused.IsConflict.Should().BeTrue();
    }

    [Test]
    public void A_new_block_is_refused_too_because_it_would_close_a_guests_nights()
    {
        FluentActions.Invoking(() => CreateManual(13, 16, StayOverlap.Refused([Manual(10, 14)]), BookingStatus.Blocked))
            .Should().Throw<StayOverlapException>();
    }

    [TestCase(14, 16, TestName = "Check-in on the other's check-out day")]
    [TestCase(8, 10, TestName = "Check-out on the other's check-in day")]
    public void Same_day_turnover_is_no_overlap(int fromDay, int toDay)
    {
        CreateManual(fromDay, toDay, StayOverlap.Refused([Manual(10, 14)])).Stay.Should().Be(Stay(fromDay, toDay));
    }

    [Test]
    public void Only_confirmed_stays_count_and_an_allowed_overlap_is_booked()
    {
        var blocked = Manual(10, 14, BookingStatus.Blocked);
        var cancelled = Manual(10, 14).Saved();
        cancelled.Cancel(Now);

        CreateManual(11, 12, StayOverlap.Refused([blocked, cancelled])).Should().NotBeNull();
        CreateManual(11, 12, StayOverlap.Allowed).Should().NotBeNull();
        StayOverlap.Allowed.IsAllowed.Should().BeTrue();
    }

    [Test]
    public void Moving_a_confirmed_stay_onto_another_is_refused_and_changes_nothing()
    {
        var other = Manual(10, 12);
        var booking = Manual(1, 5).Saved();

        FluentActions.Invoking(() => booking.Change(Keeping(booking, Stay(1, 11)), StayOverlap.Refused([other, booking]), Now))
            .Should().Throw<StayOverlapException>();

        booking.Stay.Should().Be(Stay(1, 5));
        booking.PopDomainEvents().Should().BeEmpty();
        booking.Change(Keeping(booking, Stay(1, 11)), StayOverlap.Allowed, Now);
        booking.Stay.Should().Be(Stay(1, 11));
    }

    [Test]
    public void A_booking_never_overlaps_itself()
    {
        var booking = Manual(10, 14).Saved();

        booking.Change(Keeping(booking, Stay(11, 15)), StayOverlap.Refused([booking]), Now);

        booking.Stay.Should().Be(Stay(11, 15));
    }

    [Test]
    public void Restoring_a_stay_onto_dates_taken_since_is_refused()
    {
        var booking = Manual(10, 14).Saved();
        booking.Cancel(Now);
        var taken = Manual(12, 13);

        FluentActions.Invoking(() => booking.Change(Keeping(booking, status: BookingStatus.Confirmed), StayOverlap.Refused([taken]), Now))
            .Should().Throw<StayOverlapException>();
        booking.Status.Should().Be(BookingStatus.Cancelled);
    }

    [Test]
    public void Changes_that_take_no_new_nights_are_not_checked()
    {
        var taken = Manual(1, 30);
        var confirmed = Manual(10, 14).Saved();
        var blocked = Manual(10, 14, BookingStatus.Blocked).Saved();
        var moving = Manual(10, 14).Saved();
        var overlap = StayOverlap.Refused([taken]);

        confirmed.Change(Keeping(confirmed) with { Guest = GuestDetails.None with { Notes = "Late arrival" } }, overlap, Now);
        blocked.Change(Keeping(blocked) with { ChannelId = "HM123" }, overlap, Now);
        confirmed.Change(Keeping(confirmed, status: BookingStatus.Blocked), overlap, Now);
        moving.Change(Keeping(moving, Stay(11, 15), BookingStatus.Cancelled), overlap, Now);

        confirmed.Guest.Notes.Should().Be("Late arrival", "details change without moving the dates");
        blocked.ChannelId.Should().Be("HM123", "a block that keeps its dates takes no new nights");
        confirmed.Status.Should().Be(BookingStatus.Blocked, "a stay turned into a block keeps the nights it held");
        moving.Status.Should().Be(BookingStatus.Cancelled, "a stay cancelled while it moves takes no nights");
    }

    [Test]
    public void Moving_a_block_onto_a_confirmed_stay_is_refused_like_creating_one_there()
    {
        var taken = Manual(10, 14);
        var blocked = Manual(1, 5, BookingStatus.Blocked).Saved();

        FluentActions.Invoking(() => blocked.Change(Keeping(blocked, Stay(11, 15)), StayOverlap.Refused([taken]), Now))
            .Should().Throw<StayOverlapException>().Which.OverlappedBookingId.Should().Be(taken.Id);
        FluentActions.Invoking(() => CreateManual(11, 15, StayOverlap.Refused([taken]), BookingStatus.Blocked))
            .Should().Throw<StayOverlapException>();

        blocked.Stay.Should().Be(Stay(1, 5));
        blocked.Change(Keeping(blocked, Stay(11, 15)), StayOverlap.Allowed, Now);
        blocked.Stay.Should().Be(Stay(11, 15), "the host may allow the overlap, as when creating");
    }

    [Test]
    public void A_block_that_becomes_a_stay_or_a_cancelled_stay_that_becomes_a_block_is_checked()
    {
        var taken = Manual(10, 14);
        var blocked = Manual(11, 12, BookingStatus.Blocked).Saved();
        var cancelled = Manual(11, 12).Saved();
        cancelled.Cancel(Now);

        FluentActions.Invoking(() => blocked.Change(Keeping(blocked, status: BookingStatus.Confirmed), StayOverlap.Refused([taken]), Now))
            .Should().Throw<StayOverlapException>();
        FluentActions.Invoking(() => cancelled.Change(Keeping(cancelled, status: BookingStatus.Blocked), StayOverlap.Refused([taken]), Now))
            .Should().Throw<StayOverlapException>();

        (blocked.Status, cancelled.Status).Should().Be((BookingStatus.Blocked, BookingStatus.Cancelled));
    }

    [Test]
    public void An_imported_stay_overlapping_a_confirmed_one_is_a_conflict_but_our_echoed_block_is_not()
    {
        var ours = Manual(10, 14);
        var overlapping = Imported(12, 16);
        var echo = Imported(10, 14, BookingStatus.Blocked);
        var shiftedBlock = Imported(11, 14, BookingStatus.Blocked);

        StayOverlap.ConflictOfImported(overlapping, [ours, overlapping]).Should().BeSameAs(ours);
        StayOverlap.ConflictOfImported(echo, [ours]).Should().BeNull();
        StayOverlap.ConflictOfImported(shiftedBlock, [ours]).Should().BeSameAs(ours);
        StayOverlap.ConflictOfImported(Imported(14, 16), [ours]).Should().BeNull();
    }
}
