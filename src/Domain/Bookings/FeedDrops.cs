namespace Kasify.Domain.Bookings;

/// <summary>
/// How many of a feed's future stays one good fetch dropped, and whether that makes the fetch suspect. A fetch that drops
/// most future stays at once is more likely a half-written or truncated feed than a wave of cancellations: it cancels
/// nothing, and its drops count as first misses, so a later full fetch, at least one sync interval on, that still lacks
/// them confirms them. An empty feed (a valid but eventless VCALENDAR, which both channels have been seen to send
/// transiently) is suspect as soon as it drops any stay: only a second empty fetch an interval later cancels the last
/// stays of a feed that really emptied.
/// </summary>
/// <param name="FutureStays">Active future stays of the feed before this fetch.</param>
/// <param name="Dropped">How many of them this fetch lacks that the previous good fetch had.</param>
/// <param name="FeedIsEmpty">The fetch has no event at all.</param>
public sealed record FeedDrops(int FutureStays, int Dropped, bool FeedIsEmpty)
{
    /// <param name="imported">Every booking imported from the feed so far.</param>
    /// <param name="inFetch">Whether this fetch has the booking.</param>
    /// <param name="today">The property's date.</param>
    public static FeedDrops Count(IEnumerable<Booking> imported, Func<Booking, bool> inFetch, DateOnly today, bool feedIsEmpty)
    {
        var future = imported.Where(b => b.IsFutureStay(today)).ToList();
        return new FeedDrops(future.Count, future.Count(b => b.WasInLastFetch() && !inFetch(b)), feedIsEmpty);
    }

    public bool IsSuspect => FeedIsEmpty ? Dropped > 0 : Dropped >= 2 && Dropped * 2 > FutureStays;
}
