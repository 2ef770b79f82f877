using Kasify.Domain.Common;

namespace Kasify.Domain.Bookings;

/// <summary>
/// The overlap rule, decided here only. A stay overlaps another booking's confirmed stay of the property when they share
/// a night (<see cref="StayPeriod.Overlaps"/>: same-day turnover does not). A booking the host makes or changes is
/// refused then, unless the host allows the overlap; an imported stay is kept and the overlap reported as a conflict,
/// except a block with exactly a confirmed stay's dates: a channel echoing our export back (it closes the dates it got
/// from us). Handlers only load the candidates: the property's confirmed bookings around the dates.
/// </summary>
public sealed class StayOverlap
{
    private readonly IReadOnlyCollection<Booking> _confirmedAround;

    private StayOverlap(IReadOnlyCollection<Booking> confirmedAround, bool allowed)
    {
        _confirmedAround = confirmedAround;
        IsAllowed = allowed;
    }

    /// <summary>The host books the dates anyway: nothing to check against.</summary>
    public static StayOverlap Allowed { get; } = new([], allowed: true);

    /// <param name="confirmedAround">The property's bookings the handler loaded around the dates; only confirmed ones count.</param>
    public static StayOverlap Refused(IEnumerable<Booking> confirmedAround) => new(confirmedAround.ToList(), allowed: false);

    public bool IsAllowed { get; }

    /// <summary>The first of <paramref name="candidates"/>, other than <paramref name="self"/>, whose confirmed stay shares a night with <paramref name="stay"/>.</summary>
    public static Booking? ConfirmedStayOverlapping(StayPeriod stay, Guid self, IEnumerable<Booking> candidates) =>
        candidates.FirstOrDefault(other => other.Id != self && other.IsConfirmed && stay.Overlaps(other.From, other.To));

    /// <summary>The confirmed stay an imported (new or changed) booking conflicts with, if any; our own export echoed back is none.</summary>
    public static Booking? ConflictOfImported(Booking imported, IEnumerable<Booking> candidates) =>
        ConfirmedStayOverlapping(imported.Stay, imported.Id, candidates.Where(other => !IsEchoOf(imported, other)));

    /// <exception cref="StayOverlapException">The stay overlaps a confirmed one and the overlap is not allowed.</exception>
    internal void Check(StayPeriod stay, Guid self)
    {
        if (!IsAllowed && ConfirmedStayOverlapping(stay, self, _confirmedAround) is { } other) throw new StayOverlapException(other.Id);
    }

    private static bool IsEchoOf(Booking imported, Booking other) =>
        imported.Status == BookingStatus.Blocked && other.From == imported.From && other.To == imported.To;
}

/// <summary>The stay shares a night with another confirmed stay of the property (409 unless the host allows it).</summary>
public sealed class StayOverlapException(Guid overlappedBookingId)
    : DomainRuleException("These dates overlap a confirmed booking of the property.", isConflict: true)
{
    public Guid OverlappedBookingId { get; } = overlappedBookingId;
}
