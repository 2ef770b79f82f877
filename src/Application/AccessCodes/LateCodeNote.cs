using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.AccessCodes;

/// <summary>
/// A booking whose code could not be put on a lock when due (the vendor was unreachable, before any code record exists,
/// so no <see cref="Domain.AccessCodes.AccessCode"/> event can tell): on the timeline once per booking, not once per retry
/// (the failed job is visible too). Saved at once: the job fails right after.
/// </summary>
public sealed class LateCodeNote(IKasifyDb db, ActivityLog activities)
{
    public async Task WriteAsync(Booking booking, string lockName, string error, CancellationToken ct)
    {
        if (await db.Activities.AnyAsync(a => a.SubjectId == booking.Id && a.Kind == AccessCodeActivities.Failed, ct)) return;
        var propertyName = await db.Properties.Where(p => p.Id == booking.PropertyId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        await activities.WriteAsync(AccessCodeActivities.Failed, $"Access code not yet on {lockName}: {error}; retrying", "booking", booking.Id,
            booking.PropertyId, propertyName, ct);
        await db.SaveChangesAsync(ct);
    }
}
