using System.Security.Cryptography;
using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Application.Security;
using Kasify.Domain.AccessCodes;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.AccessCodes;

/// <summary>
/// Codes with their PIN, for the booking response (<c>access_codes</c>) and the access code endpoints. Only bookings on
/// properties where the current user is owner or manager are answered: anyone else gets no codes at all.
/// A reader, not an entry: it resolves the signed-in user itself (cached per request), so it also answers outside a use case.
/// </summary>
public sealed class AccessCodeReader(IKasifyDb db, ICurrentUser current, PropertyAccess access, ISecretProtector secrets)
{
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<AccessCodeResponse>>> ForBookingsAsync(IReadOnlyCollection<Guid> bookingIds,
        CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var allowed = access.PropertyIdsWithRole(user, PropertyAccess.AccessCodeManagers);
        var codes = await db.AccessCodes.AsNoTracking()
            .Where(c => bookingIds.Contains(c.BookingId) && allowed.Contains(c.PropertyId))
            .OrderBy(c => c.SmartLockName).ThenBy(c => c.Id).ToListAsync(ct);
        return codes.GroupBy(c => c.BookingId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AccessCodeResponse>)g.Select(ToResponse).ToList());
    }

    public async Task<IReadOnlyList<AccessCodeResponse>> ForBookingAsync(Guid bookingId, CancellationToken ct) =>
        (await ForBookingsAsync([bookingId], ct)).GetValueOrDefault(bookingId) ?? [];

    private AccessCodeResponse ToResponse(AccessCode c) =>
        new(c.Id, c.BookingId, c.SmartLockId, c.SmartLockName, c.Vendor, Pin(c), c.ValidFrom, c.ValidUntil, c.Status, c.LastError, c.CreatedAt);

    private string Pin(AccessCode c)
    {
        try
        {
            return secrets.Unprotect(c.ProtectedPin);
        }
        catch (CryptographicException)
        {
            return ""; // key lost: the code exists on the lock, its PIN cannot be shown
        }
    }
}
