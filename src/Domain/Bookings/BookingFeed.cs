using Kasify.Domain.Properties;

namespace Kasify.Domain.Bookings;

/// <summary>A booking imported from a channel feed, as later fetches of that feed see it (docs/api.md §8).</summary>
public sealed partial class Booking
{
    /// <summary>Counted misses that make a booking gone from its feed.</summary>
    public const int MissesThatCancel = 2;

    /// <summary>
    /// What an imported event becomes. Booking.com writes reservations and closed dates the same way
    /// (<c>CLOSED - Not available</c>), so every Booking.com event is a block; so is an event nobody can classify: it keeps
    /// the dates taken without inventing a guest stay.
    /// </summary>
    public static BookingStatus ImportedStatus(Channel channel, bool isReservation) =>
        isReservation && channel != Channel.Booking ? BookingStatus.Confirmed : BookingStatus.Blocked;

    /// <summary>Not cancelled, and starts after <paramref name="today"/> (the property's date): a stay its feed can still cancel.</summary>
    public bool IsFutureStay(DateOnly today) => Status != BookingStatus.Cancelled && From > today;

    /// <summary>The last good fetch of its feed had it (no miss counted since).</summary>
    public bool WasInLastFetch() => MissingFromFeedCount == 0;

    /// <summary>Cancelled because its feed lost it, not by the host: it comes back if the feed has it again.</summary>
    public bool WasCancelledByFeed() => Status == BookingStatus.Cancelled && MissingFromFeedCount >= MissesThatCancel;

    public void SeenInFeed(DateTime now)
    {
        LastSyncAt = now;
        MissingFromFeedCount = 0;
        MissingFromFeedAt = null;
    }

    /// <summary>
    /// Whether a good fetch with these dates and this status (<see cref="ImportedStatus"/>) would change nothing of this
    /// booking but its last-seen stamp (<see cref="SeenInFeed(DateOnly, DateOnly, BookingStatus, DateTime)"/>): no miss to
    /// forget, the same stay, and the same status or a cancellation by the host (which stays). A sync stamps such bookings
    /// all at once instead of one by one.
    /// </summary>
    public bool IsAsInFeed(DateOnly from, DateOnly to, BookingStatus feedStatus) =>
        MissingFromFeedCount == 0 && MissingFromFeedAt is null && From == from && To == to
        && (Status == feedStatus || (Status == BookingStatus.Cancelled && !WasCancelledByFeed()));

    /// <summary>
    /// A good fetch of the feed has this booking with these dates and this status (<see cref="ImportedStatus"/>): its misses
    /// are forgotten and it follows the feed, except that a stay the host cancelled in Kasify stays cancelled (one the feed
    /// cancelled comes back).
    /// </summary>
    /// <returns>Whether the stay or its status changed.</returns>
    public bool SeenInFeed(DateOnly from, DateOnly to, BookingStatus feedStatus, DateTime now)
    {
        var cancelledByFeed = WasCancelledByFeed();
        SeenInFeed(now);
        var changed = false;
        if (From != from || To != to)
        {
            ChangeStay(Stay with { From = from, To = to });
            changed = true;
        }

        if (Status == BookingStatus.Cancelled && !cancelledByFeed) return changed;
        if (Status == feedStatus) return changed;
        if (feedStatus == BookingStatus.Confirmed) Confirm();
        else Block();
        return true;
    }

    /// <summary>
    /// A good, full fetch of the feed (a 304 is none) lacks this booking. A miss counts only if at least
    /// <paramref name="interval"/> (the feed's sync interval) has passed since the last counted one, so two quick fetches of
    /// a half-written feed are one miss, not two. <see cref="MissesThatCancel"/> counted misses cancel a future stay, unless
    /// this fetch is suspect (<see cref="FeedDrops"/>); a stay that started (on <paramref name="today"/>, the property's
    /// date) is never cancelled by its feed.
    /// </summary>
    public FeedMiss MissingFromFeed(DateTime now, TimeSpan interval, DateOnly today, bool fetchIsSuspect)
    {
        if (Status == BookingStatus.Cancelled) return FeedMiss.Ignored;
        if (MissingFromFeedAt is null || now - MissingFromFeedAt >= interval)
        {
            MissingFromFeedCount++;
            MissingFromFeedAt = now;
        }

        var gone = MissingFromFeedCount >= MissesThatCancel;
        if (From <= today) return !gone && To > today ? FeedMiss.StartedAwaitingConfirmation : FeedMiss.Ignored;
        if (!gone || fetchIsSuspect) return FeedMiss.AwaitingConfirmation;
        Cancel(now);
        return FeedMiss.Cancelled;
    }
}

/// <summary>What a fetch that lacked a booking did to it.</summary>
public enum FeedMiss
{
    /// <summary>Cancelled already, or a stay that is over: nothing to wait for.</summary>
    Ignored,
    /// <summary>A future stay not (yet) cancelled: missed once so far, or held by a suspect fetch.</summary>
    AwaitingConfirmation,
    /// <summary>A stay under way, missed once so far: it is never cancelled, but the feed is not settled either.</summary>
    StartedAwaitingConfirmation,
    /// <summary>Missed by two full fetches one interval apart: the future stay is cancelled.</summary>
    Cancelled,
}
