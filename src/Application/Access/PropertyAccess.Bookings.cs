using Kasify.Application.Common;
using Kasify.Domain.Crew;

namespace Kasify.Application.Access;

/// <summary>
/// Bookings, guests, calendar and timeline (docs/api.md §2), for the endpoints of those modules to call rather than
/// re-deciding per endpoint.
/// </summary>
public sealed partial class PropertyAccess
{
    /// <summary>Booking lists: owner, manager, staff; a contractor gets 403.</summary>
    public static void RequireMayListBookings(AccessLevel role)
    {
        if (!MaySeeBookings(role)) throw new ForbiddenException("Contractors do not see bookings.");
    }

    /// <summary>One booking: owner, manager, staff; for a contractor it does not exist (404).</summary>
    public static void RequireMaySeeBooking(AccessLevel role)
    {
        if (!MaySeeBookings(role)) throw new NotFoundException("Booking");
    }

    public static bool MaySeeBookings(AccessLevel role) => BookingReaders.Contains(role);

    /// <summary>Guest names, contacts, notes, special requests and check-in data: owner and manager only.</summary>
    public static bool MaySeeGuestData(AccessLevel role) => role is AccessLevel.Owner or AccessLevel.Manager;

    /// <summary>Calendar and timeline: a contractor sees only the events of their own tasks.</summary>
    public static bool SeesOnlyOwnTaskEvents(AccessLevel role) => role == AccessLevel.Contractor;
}
