using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kasify.Application.AccessCodes;

/// <summary>
/// <c>POST /bookings/{id}/accesscode</c>: the booking's code on every lock of its property, now (or the existing ones).
/// A lock that fails is listed in <c>failed_smartlocks</c> and does not fail the request; revoked or failed codes start again.
/// </summary>
[ResourceScope("booking")]
public sealed class CreateAccessCodesHandler(IKasifyDb db, BookingCodesAccess access, AccessCodeProvisioner provisioner,
    AccessCodeReader reader, IOptions<AccessCodeOptions> options, TimeProvider time)
{
    public async Task<AccessCodesResult> HandleAsync(Guid bookingId, CancellationToken ct)
    {
        var (_, booking) = await access.LoadAsync(bookingId, ct);
        if (booking.Status != BookingStatus.Confirmed) throw new ConflictException("Only a confirmed booking gets access codes.");
        var property = await db.Properties.SingleAsync(p => p.Id == booking.PropertyId, ct);
        if (AccessCodeSchedule.For(booking, property, options.Value).RevokeAt <= time.GetUtcNow().UtcDateTime)
            throw new ConflictException("This stay is over; its access codes are no longer created.");

        var failed = await provisioner.ProvisionAsync(booking, property, ct, reopen: true, newPin: true);
        var codes = await reader.ForBookingAsync(bookingId, ct);
        return new AccessCodesResult(codes, failed.Select(f => new FailedSmartLock(f.SmartLockId, f.Name, f.Error)).ToList());
    }
}
