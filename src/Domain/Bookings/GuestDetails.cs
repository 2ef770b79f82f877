namespace Kasify.Domain.Bookings;

/// <summary>What the host knows about the booking and its guests (personal data: hidden from staff).</summary>
public sealed record GuestDetails(
    string? FirstName,
    string? LastName,
    string? Email,
    string? Phone,
    int AdultsCount,
    int ChildrenCount,
    int InfantsCount,
    string? Notes,
    string? SpecialRequests,
    TimeOnly? ArrivalTime,
    TimeOnly? DepartureTime,
    string? PaymentType)
{
    public static GuestDetails None { get; } = new(null, null, null, null, 1, 0, 0, null, null, null, null, null);

    public int GuestsNumber => AdultsCount + ChildrenCount;
}
