using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Domain.AccessCodes;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kasify.Application.AccessCodes;

/// <summary>
/// The <c>access_code.revoke</c> job: a cancelled (or blocked) booking, or one past check-out + grace, loses its codes.
/// A job left from before the stay was extended does nothing. Each revoked code is saved at once, so a transient
/// failure on one lock retries only what is left.
/// </summary>
public sealed class RevokeAccessCodesJob(IKasifyDb db, AccessCodeRevoker revoker, IOptions<AccessCodeOptions> options, TimeProvider time)
    : IOutboxJobHandler<RevokeAccessCodes>
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(1);

    public string Kind => RevokeAccessCodes.Kind;

    public async Task HandleAsync(RevokeAccessCodes job, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == job.BookingId, ct);
        if (booking is not null && booking.Status == BookingStatus.Confirmed)
        {
            var property = await db.Properties.AsNoTracking().SingleAsync(p => p.Id == booking.PropertyId, ct);
            if (time.GetUtcNow().UtcDateTime + Tolerance < AccessCodeSchedule.For(booking, property, options.Value).RevokeAt) return;
        }

        var codes = await db.AccessCodes.Where(c => c.BookingId == job.BookingId && c.Status != AccessCodeStatus.Revoked)
            .OrderBy(c => c.CreatedAt).ToListAsync(ct);
        foreach (var code in codes)
        {
            if (code.Status == AccessCodeStatus.Failed && code.SubmittedAt is null) { code.CloseUnsubmitted(time.GetUtcNow().UtcDateTime); continue; }
            try
            {
                await revoker.RevokeAsync(code, ct);
            }
            finally
            {
                await db.SaveChangesAsync(ct);
            }
        }
    }
}
