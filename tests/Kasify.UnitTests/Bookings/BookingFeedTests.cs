using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;
using static Kasify.UnitTests.Bookings.Stays;

namespace Kasify.UnitTests.Bookings;

/// <summary>An imported booking as later fetches of its feed see it: misses, the two-miss cancellation, coming back.</summary>
public sealed class BookingFeedTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);
    private static readonly DateOnly Today = June(1);

    [TestCase(Channel.Airbnb, true, BookingStatus.Confirmed)]
    [TestCase(Channel.Airbnb, false, BookingStatus.Blocked)]
    [TestCase(Channel.Booking, true, BookingStatus.Blocked)]
    [TestCase(Channel.Vrbo, true, BookingStatus.Confirmed)]
    public void An_imported_event_is_a_stay_only_when_a_channel_other_than_Booking_com_calls_it_a_reservation(Channel channel, bool isReservation, BookingStatus status)
    {
        Booking.ImportedStatus(channel, isReservation).Should().Be(status);
    }

    [Test]
    public void Two_misses_one_interval_apart_cancel_a_future_stay()
    {
        var booking = Imported(10, 14).Saved();

        booking.MissingFromFeed(Now, Interval, Today, fetchIsSuspect: false).Should().Be(FeedMiss.AwaitingConfirmation);
        booking.MissingFromFeed(Now.Add(Interval), Interval, Today, fetchIsSuspect: false).Should().Be(FeedMiss.Cancelled);

        booking.Status.Should().Be(BookingStatus.Cancelled);
        booking.WasCancelledByFeed().Should().BeTrue();
        booking.PopDomainEvents().Should().Equal(new BookingCancelled(booking.Id, PropertyId, June(10), June(14)));
    }

    [Test]
    public void Two_quick_fetches_are_one_miss()
    {
        var booking = Imported(10, 14).Saved();

        booking.MissingFromFeed(Now, Interval, Today, false);
        booking.MissingFromFeed(Now.AddMinutes(5), Interval, Today, false).Should().Be(FeedMiss.AwaitingConfirmation);

        booking.MissingFromFeedCount.Should().Be(1);
        booking.Status.Should().Be(BookingStatus.Confirmed);
    }

    [Test]
    public void A_suspect_fetch_counts_the_miss_but_cancels_nothing()
    {
        var booking = Imported(10, 14).Saved();
        booking.MissingFromFeed(Now, Interval, Today, false);

        booking.MissingFromFeed(Now.Add(Interval), Interval, Today, fetchIsSuspect: true).Should().Be(FeedMiss.AwaitingConfirmation);

        booking.Status.Should().Be(BookingStatus.Confirmed);
        booking.MissingFromFeedCount.Should().Be(2);
    }

    [Test]
    public void A_stay_under_way_or_over_is_never_cancelled_by_its_feed()
    {
        var underWay = Imported(1, 5).Saved();
        var over = Imported(1, 5).Saved();
        var later = Today.AddDays(10);

        underWay.MissingFromFeed(Now, Interval, Today, false).Should().Be(FeedMiss.StartedAwaitingConfirmation);
        underWay.MissingFromFeed(Now.Add(Interval), Interval, Today, false).Should().Be(FeedMiss.Ignored);
        over.MissingFromFeed(Now, Interval, later, false).Should().Be(FeedMiss.Ignored);

        underWay.Status.Should().Be(BookingStatus.Confirmed);
        over.Status.Should().Be(BookingStatus.Confirmed);
    }

    [Test]
    public void A_cancelled_booking_counts_no_miss()
    {
        var booking = Imported(10, 14).Saved();
        booking.Cancel(Now);

        booking.MissingFromFeed(Now, Interval, Today, false).Should().Be(FeedMiss.Ignored);

        booking.MissingFromFeedCount.Should().Be(0);
    }

    [Test]
    public void Seen_again_its_misses_are_forgotten_and_it_follows_the_feeds_dates_and_status()
    {
        var booking = Imported(10, 14).Saved();
        booking.MissingFromFeed(Now, Interval, Today, false);

        booking.SeenInFeed(June(11), June(14), BookingStatus.Blocked, Now.Add(Interval)).Should().BeTrue();
        booking.SeenInFeed(June(11), June(14), BookingStatus.Blocked, Now.Add(Interval * 2)).Should().BeFalse("nothing changed");

        (booking.MissingFromFeedCount, booking.MissingFromFeedAt, booking.LastSyncAt).Should().Be((0, (DateTime?)null, Now.Add(Interval * 2)));
        booking.Stay.Should().Be(Stay(11, 14));
        booking.Status.Should().Be(BookingStatus.Blocked);
        booking.PopDomainEvents().Select(e => e.GetType()).Should().Equal(typeof(BookingStayChanged), typeof(BookingCancelled));
    }

    [Test]
    public void A_stay_the_feed_cancelled_comes_back_with_it_but_one_the_host_cancelled_stays_cancelled()
    {
        var byFeed = Imported(10, 14).Saved();
        byFeed.MissingFromFeed(Now, Interval, Today, false);
        byFeed.MissingFromFeed(Now.Add(Interval), Interval, Today, false);
        var byHost = Imported(10, 14).Saved();
        byHost.Cancel(Now);

        byFeed.SeenInFeed(June(10), June(14), BookingStatus.Confirmed, Now.Add(Interval * 2)).Should().BeTrue();
        byHost.SeenInFeed(June(10), June(14), BookingStatus.Confirmed, Now.Add(Interval * 2)).Should().BeFalse();

        byFeed.Status.Should().Be(BookingStatus.Confirmed);
        byHost.Status.Should().Be(BookingStatus.Cancelled);
        byHost.SeenInFeed(June(11), June(14), BookingStatus.Confirmed, Now.Add(Interval * 3)).Should().BeTrue("its dates still follow the feed");
        byHost.Status.Should().Be(BookingStatus.Cancelled);
    }

    /// <summary>A sync writes one stamp for the bookings this says are as in the feed, so it must agree with SeenInFeed.</summary>
    [TestCase("as imported", 10, 14, BookingStatus.Confirmed, true)]
    [TestCase("moved", 11, 14, BookingStatus.Confirmed, false)]
    [TestCase("now a block", 10, 14, BookingStatus.Blocked, false)]
    [TestCase("missed once", 10, 14, BookingStatus.Confirmed, false)]
    [TestCase("cancelled by the host", 10, 14, BookingStatus.Confirmed, true)]
    [TestCase("cancelled by the feed", 10, 14, BookingStatus.Confirmed, false)]
    public void A_booking_is_as_in_the_feed_exactly_when_seeing_it_there_changes_nothing_but_its_stamp(
        string history, int fromDay, int toDay, BookingStatus feedStatus, bool asInFeed)
    {
        var booking = Imported(10, 14).Saved();
        switch (history)
        {
            case "missed once":
                booking.MissingFromFeed(Now, Interval, Today, false);
                break;
            case "cancelled by the host":
                booking.Cancel(Now);
                break;
            case "cancelled by the feed":
                booking.MissingFromFeed(Now, Interval, Today, false);
                booking.MissingFromFeed(Now.Add(Interval), Interval, Today, false);
                break;
        }
        booking.PopDomainEvents();
        var before = (booking.From, booking.To, booking.Status, booking.MissingFromFeedCount, booking.MissingFromFeedAt);

        booking.IsAsInFeed(June(fromDay), June(toDay), feedStatus).Should().Be(asInFeed);

        var changed = booking.SeenInFeed(June(fromDay), June(toDay), feedStatus, Now.AddHours(1));
        var onlyStamped = !changed && booking.PopDomainEvents().Count == 0
                          && (booking.From, booking.To, booking.Status, booking.MissingFromFeedCount, booking.MissingFromFeedAt) == before;
        onlyStamped.Should().Be(asInFeed);
        booking.LastSyncAt.Should().Be(Now.AddHours(1));
    }
}
