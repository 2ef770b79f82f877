namespace Kasify.Application.Calendars;

/// <summary>
/// A fetch that drops most of a feed's future stays at once is more likely a half-written or truncated feed than a
/// wave of cancellations. Such a fetch is held as suspect: it cancels nothing, keeps the previous validators (so the
/// next fetch gets the whole body again) and says so in <c>lastError</c>; its drops count as first misses, so a later
/// full fetch, at least one sync interval on, that still lacks them confirms them. An empty feed (200 with a valid but
/// eventless VCALENDAR, which both channels have been seen to send transiently) is held as soon as it drops any stay:
/// only a second empty fetch an interval later cancels the last stays of a feed that really emptied.
/// </summary>
public static class SuspectFeedRule
{
    /// <param name="futureStays">Active future stays of the feed before this fetch.</param>
    /// <param name="newlyDropped">How many of them this fetch lacks that the previous good fetch had.</param>
    /// <param name="feedIsEmpty">The fetch has no event at all.</param>
    public static bool IsSuspect(int futureStays, int newlyDropped, bool feedIsEmpty = false) =>
        feedIsEmpty ? newlyDropped > 0 : newlyDropped >= 2 && newlyDropped * 2 > futureStays;
}

/// <summary>
/// What a reconciliation did not apply: the drops of a suspect fetch, and future stays missed once so far
/// (<paramref name="StartedAwaitingConfirmation"/>: stays under way, never cancelled, missed once so far).
/// </summary>
public sealed record FeedReconciliation(bool Suspect, int Dropped, int FutureStays, int AwaitingConfirmation = 0,
    int StartedAwaitingConfirmation = 0)
{
    public const string EmptyReason =
        "The feed is suddenly empty although future bookings exist; nothing was cancelled until a later fetch confirms it.";

    /// <summary>Whether some stay this fetch lacks is not yet confirmed gone: an empty feed stays an error until then.</summary>
    public bool Unconfirmed => Suspect || AwaitingConfirmation + StartedAwaitingConfirmation > 0;

    public string HeldReason =>
        $"The feed dropped {Dropped} of {FutureStays} future stays at once; nothing was cancelled until a later fetch confirms it.";
}
