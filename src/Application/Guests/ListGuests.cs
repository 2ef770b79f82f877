using System.Security.Cryptography;
using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Application.Security;
using Kasify.Domain.Checkin;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Guests;

public sealed record GuestsQuery(string? Query, Guid? PropertyId, Guid? BookingId);

/// <summary>
/// Guests registered on bookings of the properties the caller owns or manages (docs/api.md §2, §10), archived properties
/// included: the register outlives the property for the retention period. Purged (anonymised) guests are left out.
/// </summary>
[CallerScope]
public sealed class ListGuestsHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, ISecretProtector secrets)
{
    public async Task<GuestsPage> HandleAsync(GuestsQuery filter, PageRequest page, CancellationToken ct)
    {
        var user = caller.User;
        if (filter.PropertyId is { } propertyId) await access.RequireAsync(user, propertyId, PropertyAccess.OwnerOrManager, includeArchived: true, ct);
        else await access.RequireRoleSomewhereAsync(user, PropertyAccess.OwnerOrManager, ct);

        var visible = access.PropertyIdsWithRole(user, PropertyAccess.OwnerOrManager, includeArchived: true);
        var query = db.Guests.AsNoTracking().Where(g => visible.Contains(g.PropertyId) && g.PurgedAt == null);
        if (filter.PropertyId is { } pid) query = query.Where(g => g.PropertyId == pid);
        if (filter.BookingId is { } bid) query = query.Where(g => g.BookingId == bid);
        if (filter.Query?.Trim().ToLowerInvariant() is { Length: > 0 } text)
            query = query.Where(g => g.FirstName.ToLower().Contains(text) || g.LastName.ToLower().Contains(text)
                                     || (g.SecondLastName != null && g.SecondLastName.ToLower().Contains(text))
                                     || (g.Email != null && g.Email.ToLower().Contains(text))
                                     || (g.Phone != null && g.Phone.Contains(text)));

        var total = await query.CountAsync(ct);
        var guests = await query.OrderByDescending(g => g.RegisteredAt).ThenBy(g => g.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new GuestsPage(guests.Select(g => GuestResponses.From(g, Reveal)).ToList(), page.Page, page.Size, total);
    }

    private string? Reveal(string? protectedNumber)
    {
        if (protectedNumber is null) return null;
        try { return secrets.Unprotect(protectedNumber); }
        catch (CryptographicException) { return null; } // key lost: show the guest without the number rather than fail the page
    }
}
