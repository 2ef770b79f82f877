namespace Kasify.Application.Calendars;

/// <summary>
/// A fetch that drops most of a feed's future stays at once is more likely a half-written or truncated feed than a
/// wave of cancellations. Such a fetch is held as suspect: it cancels nothing, keeps the previous validators (so the
/// next fetch gets the whole body again) and says so in <c>lastError</c>; its drops count as first misses, so a later
/// full fetch, at least one sync interval on, that still lacks them confirms them.
/// </summary>
public static class SuspectFeedRule
{
    /// <param name="futureStays">Active future stays of the feed before this fetch.</param>
    /// <param name="newlyDropped">How many of them this fetch lacks that the previous good fetch had.</param>
    public static bool IsSuspect(int futureStays, int newlyDropped) => newlyDropped >= 2 && newlyDropped * 2 > futureStays;
}

/// <summary>What a reconciliation did not apply: the drops of a suspect fetch, and future stays missed once so far.</summary>
public sealed record FeedReconciliation(bool Suspect, int Dropped, int FutureStays, int AwaitingConfirmation = 0)
{
    public string HeldReason =>
        $"The feed dropped {Dropped} of {FutureStays} future stays at once; nothing was cancelled until a later fetch confirms it.";
}
