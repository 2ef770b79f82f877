using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Application.SmartLocks.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.AccessCodes;

/// <summary>
/// <c>DELETE /bookings/{id}/accesscode/{codeId}</c>: removes the code from its lock now; if the vendor cannot be reached
/// the code stays <c>revoking</c> and a job retries with back-off.
/// </summary>
[ResourceScope("booking")]
public sealed class RevokeAccessCodeNowHandler(IKasifyDb db, BookingCodesAccess access, AccessCodeRevoker revoker, IOutbox outbox)
{
    public async Task HandleAsync(Guid bookingId, Guid codeId, CancellationToken ct)
    {
        var (_, booking) = await access.LoadAsync(bookingId, ct);
        var code = await db.AccessCodes.SingleOrDefaultAsync(c => c.Id == codeId && c.BookingId == booking.Id, ct)
                   ?? throw new NotFoundException("Access code");
        try
        {
            await revoker.RevokeAsync(code, ct);
        }
        catch (VendorException e) when (e.Kind == VendorErrorKind.Transient)
        {
            await outbox.EnqueueAsync(RevokeAccessCode.Kind, new RevokeAccessCode(code.Id), propertyId: code.PropertyId,
                dedupKey: $"{RevokeAccessCode.Kind}:{code.Id}", ct: ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
