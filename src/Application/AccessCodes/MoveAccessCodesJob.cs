using Kasify.Application.Common;
using Kasify.Application.Integrations;
using Kasify.Application.Jobs;
using Kasify.Application.SmartLocks.Vendors;
using Kasify.Domain.AccessCodes;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kasify.Application.AccessCodes;

/// <summary>
/// The <c>access_code.move</c> job: the stay's dates or times changed, so each live code gets the new validity on its
/// lock (same PIN, same code). Codes not yet on a lock just take the new window. Saved per code.
/// </summary>
public sealed class MoveAccessCodesJob(IKasifyDb db, SmartLockCredentialStore store, ISmartLockVendorRegistry vendors,
    IOptions<AccessCodeOptions> options) : IOutboxJobHandler<MoveAccessCodes>
{
    public string Kind => MoveAccessCodes.Kind;

    public async Task HandleAsync(MoveAccessCodes job, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == job.BookingId, ct);
        if (booking is null || booking.Status != BookingStatus.Confirmed) return;
        var property = await db.Properties.AsNoTracking().SingleAsync(p => p.Id == booking.PropertyId, ct);
        var schedule = AccessCodeSchedule.For(booking, property, options.Value);

        var codes = await db.AccessCodes.Where(c => c.BookingId == booking.Id
            && (c.Status == AccessCodeStatus.Pending || c.Status == AccessCodeStatus.Active)).ToListAsync(ct);
        foreach (var code in codes.Where(c => c.ValidFrom != schedule.ValidFrom || c.ValidUntil != schedule.ValidUntil))
        {
            if (code.ExternalCodeId is not null) await MoveOnLockAsync(code, schedule, ct);
            code.MoveWindow(schedule.ValidFrom, schedule.ValidUntil);
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task MoveOnLockAsync(AccessCode code, AccessCodeSchedule schedule, CancellationToken ct)
    {
        var integration = await db.Integrations.SingleOrDefaultAsync(i => i.Id == code.IntegrationId, ct);
        if (integration is null) return;
        try
        {
            await vendors.Get(code.Vendor).UpdateCodeWindowAsync(store.Read(integration), code.ExternalLockId, code.ExternalCodeId!,
                new DateTimeOffset(schedule.ValidFrom, TimeSpan.Zero), new DateTimeOffset(schedule.ValidUntil, TimeSpan.Zero), ct);
        }
        catch (VendorException e) when (e.Kind != VendorErrorKind.Transient)
        {
            code.Fail($"Could not move the code's validity on the lock: {e.Reason}");
        }
    }
}
