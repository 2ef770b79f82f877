using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Crew;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Bookings;

/// <summary>The confirmed stay in progress now: between its check-in and check-out times in the property's time zone.</summary>
[PropertyScope(AccessLevel.Owner, AccessLevel.Manager, AccessLevel.Staff)]
public sealed class GetCurrentBookingHandler(IKasifyDb db, UseCaseCaller caller, TimeProvider time, BookingReader reader)
{
    public async Task<BookingResponse> HandleAsync(Guid propertyId, CancellationToken ct)
    {
        var role = caller.RoleOn(propertyId);
        var timeZone = await db.Properties.Where(p => p.Id == propertyId).Select(p => p.TimeZone).SingleAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = PropertyClock.Today(now, timeZone);

        var candidates = await db.Bookings.AsNoTracking()
            .Where(b => b.PropertyId == propertyId && b.Status == BookingStatus.Confirmed && b.From <= today.AddDays(1) && b.To >= today.AddDays(-1))
            .OrderBy(b => b.From).ToListAsync(ct);
        var inProgress = candidates.FirstOrDefault(b =>
            TimeZones.ToUtc(b.From, b.CheckinTime, timeZone) <= now && now < TimeZones.ToUtc(b.To, b.CheckoutTime, timeZone));
        return inProgress is null ? throw new NotFoundException("A booking in progress") : await reader.ReadOneAsync(inProgress, role, ct);
    }
}
