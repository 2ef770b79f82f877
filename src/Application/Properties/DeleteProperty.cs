using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Crew;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Properties;

/// <summary>
/// Owner only. "Delete" archives: the property leaves every list and its future stays are cancelled, but its past and
/// current stays and their registered guests stay in the guest register for the retention period (RD 933/2021).
/// Consumers of <c>PropertyDeleted</c> revoke its codes and cancel its pending jobs before the commit.
/// </summary>
[PropertyScope(AccessLevel.Owner)]
public sealed class DeletePropertyHandler(IKasifyDb db, PropertyAccess access, TimeProvider time)
{
    public async Task HandleAsync(Guid propertyId, CancellationToken ct)
    {
        var property = await access.LoadForChangeAsync(propertyId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = PropertyClock.Today(now, property.TimeZone);
        var future = await db.Bookings.Where(b => b.PropertyId == propertyId && b.From > today && b.Status != BookingStatus.Cancelled)
            .ToListAsync(ct);
        foreach (var booking in future) booking.Cancel(now);
        property.Archive(now);
        await db.SaveChangesAsync(ct);
    }
}
