using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;

namespace Kasify.Application.AccessCodes;

/// <summary>When a booking's codes are valid (check-in to check-out in the property's time zone, as UTC), provisioned and revoked.</summary>
public sealed record AccessCodeSchedule(DateTime ValidFrom, DateTime ValidUntil, DateTime ProvisionAt, DateTime RevokeAt)
{
    public static AccessCodeSchedule For(Booking booking, Property property, AccessCodeOptions options) =>
        For(booking.Stay, property.TimeZone, options);

    public static AccessCodeSchedule For(StayPeriod stay, string timeZone, AccessCodeOptions options)
    {
        var from = TimeZones.ToUtc(stay.From, stay.CheckinTime, timeZone);
        var until = TimeZones.ToUtc(stay.To, stay.CheckoutTime, timeZone);
        return new AccessCodeSchedule(from, until, from.AddHours(-options.LeadHours), until.AddHours(options.GraceHours));
    }

    /// <summary>A code should be on the lock now.</summary>
    public bool IsDue(DateTime now) => now >= ProvisionAt && now < RevokeAt;
}
