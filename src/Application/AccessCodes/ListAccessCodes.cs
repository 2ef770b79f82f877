using Kasify.Application.Common;

namespace Kasify.Application.AccessCodes;

/// <summary><c>GET /bookings/{id}/accesscode</c> (ours): the booking's codes with their PINs, for owners and managers.</summary>
[ResourceScope("booking")]
public sealed class ListAccessCodesHandler(BookingCodesAccess access, AccessCodeReader reader)
{
    public async Task<IReadOnlyList<AccessCodeResponse>> HandleAsync(Guid bookingId, CancellationToken ct)
    {
        await access.LoadAsync(bookingId, ct);
        return await reader.ForBookingAsync(bookingId, ct);
    }
}
