using Kasify.Domain.Common;

namespace Kasify.Domain.Bookings;

/// <summary>Stay dates (<see cref="To"/> is the check-out day) and the scheduled times, in the property's time zone.</summary>
public sealed record StayPeriod(DateOnly From, DateOnly To, TimeOnly CheckinTime, TimeOnly CheckoutTime)
{
    public static StayPeriod Create(DateOnly from, DateOnly to, TimeOnly checkinTime, TimeOnly checkoutTime)
    {
        if (from >= to) throw new DomainRuleException("A stay must end after it starts (from < to).", isConflict: false);
        return new StayPeriod(from, to, checkinTime, checkoutTime);
    }

    public int Nights => To.DayNumber - From.DayNumber;

    /// <summary>Two stays overlap when one starts before the other's check-out day (same-day turnover is fine).</summary>
    public bool Overlaps(DateOnly from, DateOnly to) => From < to && from < To;
}
