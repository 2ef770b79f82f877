using Kasify.Domain.Common;

namespace Kasify.Domain.Bookings;

/// <summary>Stay dates (<see cref="To"/> is the check-out day) and the scheduled times, in the property's time zone.</summary>
public sealed record StayPeriod(DateOnly From, DateOnly To, TimeOnly CheckinTime, TimeOnly CheckoutTime)
{
    public const string MustEndAfterStart = "A stay must end after it starts (from < to).";

    public static StayPeriod Create(DateOnly from, DateOnly to, TimeOnly checkinTime, TimeOnly checkoutTime)
    {
        var stay = new StayPeriod(from, to, checkinTime, checkoutTime);
        stay.EnsureEndsAfterStart();
        return stay;
    }

    /// <summary>The from-before-to rule: <paramref name="to"/> is the check-out day, so a stay has at least one night.</summary>
    public static bool EndsAfterStart(DateOnly from, DateOnly to) => from < to;

    public int Nights => To.DayNumber - From.DayNumber;

    /// <summary>Two stays overlap when one starts before the other's check-out day (same-day turnover is fine).</summary>
    public bool Overlaps(DateOnly from, DateOnly to) => From < to && from < To;

    internal void EnsureEndsAfterStart()
    {
        if (!EndsAfterStart(From, To)) throw new DomainRuleException(MustEndAfterStart, isConflict: false);
    }
}
