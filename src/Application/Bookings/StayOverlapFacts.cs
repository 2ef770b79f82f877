using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Bookings;

/// <summary>Loads what the overlap rule needs for a host's booking, and words its refusal for the API.</summary>
public static class StayOverlapFacts
{
    public const string Refusal = "These dates overlap a confirmed booking of the property; send allow_overlap: true to book them anyway.";

    public static async Task<StayOverlap> LoadAsync(IKasifyDb db, Guid propertyId, StayPeriod stay, bool? allowOverlap, CancellationToken ct) =>
        allowOverlap == true
            ? StayOverlap.Allowed
            : StayOverlap.Refused(await db.Bookings.WithSpecification(BookingSpecs.ConfirmedStaysAround(propertyId, stay)).ToListAsync(ct));

    /// <summary>Runs a change of the booking; an overlap the host did not allow → 409 with the API's wording.</summary>
    public static T Refusing<T>(Func<T> change)
    {
        try
        {
            return change();
        }
        catch (StayOverlapException overlap)
        {
            throw new ConflictException(Refusal, overlap);
        }
    }

    public static void Refusing(Action change) => Refusing(() => { change(); return true; });
}
