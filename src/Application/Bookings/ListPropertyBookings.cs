using Kasify.Application.Common;
using Kasify.Domain.Crew;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Bookings;

/// <summary>GET /properties/{id}/bookings: owner, manager, staff (redacted; staff search only by channel id).</summary>
[PropertyScope(AccessLevel.Owner, AccessLevel.Manager, AccessLevel.Staff)]
public sealed class ListPropertyBookingsHandler(IKasifyDb db, UseCaseCaller caller, BookingReader reader)
{
    public async Task<BookingsPage> HandleAsync(Guid propertyId, BookingListQuery query, CancellationToken ct)
    {
        var role = caller.RoleOn(propertyId);
        var (filter, page) = BookingFilter.Create(query, propertyId, searchPersonalData: role != AccessLevel.Staff);
        var ids = db.Properties.Where(p => p.Id == propertyId).Select(p => p.Id);
        var spec = BookingSpecs.Page(ids, filter, page.Skip, page.Size);
        var total = await db.Bookings.WithSpecification(spec, paged: false).CountAsync(ct);
        var bookings = await db.Bookings.WithSpecification(spec).ToListAsync(ct);
        return new BookingsPage(await reader.ReadAsync(bookings, _ => role, ct), page.Page, page.Size, total);
    }
}
