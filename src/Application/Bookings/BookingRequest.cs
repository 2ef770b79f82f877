namespace Kasify.Application.Bookings;

/// <summary>Body of POST /properties/{id}/bookings and of PATCH /bookings/{id} (writable fields, docs/api.md §5).</summary>
public sealed record BookingRequest(
    DateOnly? From,
    DateOnly? To,
    string? Channel,
    string? ChannelId,
    string? Status,
    string? PaymentType,
    string? Notes,
    string? GuestFirstName,
    string? GuestLastName,
    string? GuestEmail,
    string? GuestPhone,
    int? AdultsCount,
    int? ChildrenCount,
    int? InfantsCount,
    string? SpecialRequests,
    string? ArrivalTime,
    string? DepartureTime,
    string? CheckinTime,
    string? CheckoutTime,
    bool? AllowOverlap);

/// <summary>A PATCH: the values, and which snake_case fields the body actually contained.</summary>
public sealed record BookingPatch(BookingRequest Values, IReadOnlySet<string> Present)
{
    public bool Has(string field) => Present.Contains(field);
}
