using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Application.SmartLocks.Vendors;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kasify.Application.AccessCodes;

/// <summary>
/// The <c>access_code.provision</c> job. Re-reads the booking: only a confirmed stay whose codes are due now gets them
/// (a job left from before the dates moved does nothing). A lock the vendor could not reach fails the job, so the
/// outbox retries with back-off; locks already done are skipped on the retry.
/// </summary>
public sealed class ProvisionAccessCodesJob(IKasifyDb db, AccessCodeProvisioner provisioner, IOptions<AccessCodeOptions> options,
    TimeProvider time, LateCodeNote lateCode) : IOutboxJobHandler<ProvisionAccessCodes>
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(1);

    public string Kind => ProvisionAccessCodes.Kind;

    public async Task HandleAsync(ProvisionAccessCodes job, CancellationToken ct)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == job.BookingId, ct);
        if (booking is null || booking.Status != BookingStatus.Confirmed) return;
        var property = await db.Properties.SingleAsync(p => p.Id == booking.PropertyId, ct);
        var schedule = AccessCodeSchedule.For(booking, property, options.Value);
        var now = time.GetUtcNow().UtcDateTime;
        if (!schedule.IsDue(now + Tolerance)) return;

        var failed = await provisioner.ProvisionAsync(booking, property, ct, job.Reopen);
        var transient = failed.FirstOrDefault(f => f.Transient);
        if (transient is not null)
        {
            await lateCode.WriteAsync(booking, transient.Name, transient.Error, ct); // the guest's code is late: visible
            throw new VendorException("lock", VendorErrorKind.Transient, $"{transient.Name}: {transient.Error}");
        }
    }
}
