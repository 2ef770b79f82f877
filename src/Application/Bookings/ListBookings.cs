using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Crew;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Bookings;

/// <summary>
/// GET /bookings: across the properties where the caller may read bookings (contractor-only properties are left out).
/// A <c>propertyId</c> the caller cannot see is a 404; one where they are a contractor a 403.
/// </summary>
[CallerScope]
public sealed class ListBookingsHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, BookingReader reader)
{
    public async Task<BookingsPage> HandleAsync(BookingListQuery query, Guid? propertyId, CancellationToken ct)
    {
        var user = caller.User;
        if (propertyId is { } id) await access.RequireAsync(user, id, PropertyAccess.BookingReaders, ct);
        var roles = await access.RolesAsync(user, ct);
        // Staff anywhere: free text never searches guest data, so results cannot reveal it.
        var searchPersonal = !roles.Values.Contains(AccessLevel.Staff);
        var (filter, page) = BookingFilter.Create(query, propertyId, searchPersonal);

        var spec = BookingSpecs.Page(access.PropertyIdsWhere(user, PropertyAccess.BookingReaders), filter, page.Skip, page.Size);
        var total = await db.Bookings.WithSpecification(spec, paged: false).CountAsync(ct);
        var bookings = await db.Bookings.WithSpecification(spec).ToListAsync(ct);
        return new BookingsPage(await reader.ReadAsync(bookings, b => roles[b.PropertyId], ct), page.Page, page.Size, total);
    }
}
