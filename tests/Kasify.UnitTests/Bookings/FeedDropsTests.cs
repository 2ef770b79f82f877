using Kasify.Domain.Bookings;
using static Kasify.UnitTests.Bookings.Stays;

namespace Kasify.UnitTests.Bookings;

/// <summary>The suspect-feed rule: a fetch dropping most future stays at once, or an empty one dropping any, is held.</summary>
public sealed class FeedDropsTests
{
    private static readonly DateOnly Today = June(1);

    [TestCase(4, 2, false, false, TestName = "Half of the future stays is not most")]
    [TestCase(4, 3, false, true, TestName = "Three of four future stays at once is suspect")]
    [TestCase(1, 1, false, false, TestName = "The last stay of a feed may go")]
    [TestCase(3, 2, false, true, TestName = "Two of three future stays at once is suspect")]
    [TestCase(1, 1, true, true, TestName = "An empty feed dropping any stay is suspect")]
    [TestCase(0, 0, true, false, TestName = "An empty feed that had nothing ahead is not")]
    public void A_fetch_dropping_most_future_stays_at_once_is_suspect(int futureStays, int dropped, bool empty, bool suspect)
    {
        new FeedDrops(futureStays, dropped, empty).IsSuspect.Should().Be(suspect);
    }

    [Test]
    public void Only_future_active_stays_the_last_fetch_still_had_count_as_dropped()
    {
        var kept = Imported(10, 14);
        var dropped = Imported(15, 18);
        var missedBefore = Imported(20, 22).Saved();
        missedBefore.MissingFromFeed(Now, TimeSpan.FromMinutes(30), Today, false);
        var started = Imported(1, 3);
        var cancelled = Imported(24, 26).Saved();
        cancelled.Cancel(Now);

        var drops = FeedDrops.Count([kept, dropped, missedBefore, started, cancelled], b => b == kept, Today, feedIsEmpty: false);

        drops.Should().Be(new FeedDrops(FutureStays: 3, Dropped: 1, FeedIsEmpty: false));
    }
}
