using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.AccessCodes;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.AccessCodes;

/// <summary>Timeline rows of a code's life (never with its PIN).</summary>
public sealed class AccessCodeLog(IKasifyDb db, ActivityLog activities)
{
    public Task CreatedAsync(AccessCode code, CancellationToken ct) =>
        WriteAsync(code, AccessCodeActivities.Created, $"Access code created on {code.SmartLockName}", ct);

    public Task FailedAsync(AccessCode code, CancellationToken ct) =>
        WriteAsync(code, AccessCodeActivities.Failed, $"Access code failed on {code.SmartLockName}: {code.LastError}", ct);

    /// <summary>
    /// The booking's code could not be put on a lock when due (the vendor was unreachable): on the timeline once per
    /// booking, not once per retry (the failed job is visible too). Saved at once: the job fails right after.
    /// </summary>
    public async Task NotYetOnLockAsync(Booking booking, string lockName, string error, CancellationToken ct)
    {
        if (await db.Activities.AnyAsync(a => a.SubjectId == booking.Id && a.Kind == AccessCodeActivities.Failed, ct)) return;
        var propertyName = await db.Properties.Where(p => p.Id == booking.PropertyId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        await activities.WriteAsync(AccessCodeActivities.Failed, $"Access code not yet on {lockName}: {error}; retrying", "booking", booking.Id,
            booking.PropertyId, propertyName, ct);
        await db.SaveChangesAsync(ct);
    }

    public Task RevokedAsync(AccessCode code, CancellationToken ct) =>
        WriteAsync(code, AccessCodeActivities.Revoked, $"Access code revoked on {code.SmartLockName}", ct);

    private async Task WriteAsync(AccessCode code, string kind, string summary, CancellationToken ct)
    {
        var propertyName = await db.Properties.Where(p => p.Id == code.PropertyId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        await activities.WriteAsync(kind, summary, "access_code", code.Id, code.PropertyId, propertyName, ct);
    }
}
