using Kasify.Domain.Bookings;
using Kasify.Domain.Crew;

namespace Kasify.Application.Bookings;

/// <summary>Turns a booking into its response for a role: staff never see guest personal data (API.md §2).</summary>
public static class BookingReader
{
    public static BookingResponse Read(Booking b, AccessLevel role)
    {
        var personal = role is AccessLevel.Owner or AccessLevel.Manager;
        return new BookingResponse(b.Id, b.PropertyId, b.From, b.To, b.Channel, b.ChannelId, b.CheckinCode, b.Status, b.CreatedAt,
            b.PaymentType,
            personal ? b.Notes : null,
            personal ? b.GuestFirstName : null,
            personal ? b.GuestLastName : null,
            personal ? b.GuestEmail : null,
            personal ? b.GuestPhone : null,
            b.AdultsCount, b.ChildrenCount, b.InfantsCount,
            personal ? b.SpecialRequests : null,
            b.ArrivalTime, b.DepartureTime, b.CheckinTime, b.CheckoutTime, b.CheckinCompletedAt, b.LastSyncAt,
            b.SesSubmittedAt, b.SesBatchId, b.SesLastAttemptAt, b.SesLastError,
            personal ? [] : null,
            CleaningTaskId: null);
    }
}
