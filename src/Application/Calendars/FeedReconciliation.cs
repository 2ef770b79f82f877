using Kasify.Domain.Bookings;

namespace Kasify.Application.Calendars;

/// <summary>
/// What a reconciliation did not apply: the drops of a suspect fetch (<see cref="FeedDrops"/>), and stays missed once
/// so far: future ones (<paramref name="AwaitingConfirmation"/>) and ones under way, which are never cancelled
/// (<paramref name="StartedAwaitingConfirmation"/>).
/// </summary>
public sealed record FeedReconciliation(FeedDrops Drops, int AwaitingConfirmation = 0, int StartedAwaitingConfirmation = 0)
{
    public const string EmptyReason =
        "The feed is suddenly empty although future bookings exist; nothing was cancelled until a later fetch confirms it.";

    /// <summary>The fetch is held: it cancels nothing and keeps the previous validators, so the next fetch gets the whole feed.</summary>
    public bool Suspect => Drops.IsSuspect;

    /// <summary>Whether some stay this fetch lacks is not yet confirmed gone: an empty feed stays an error until then.</summary>
    public bool Unconfirmed => Suspect || AwaitingConfirmation + StartedAwaitingConfirmation > 0;

    public string HeldReason =>
        $"The feed dropped {Drops.Dropped} of {Drops.FutureStays} future stays at once; nothing was cancelled until a later fetch confirms it.";
}
