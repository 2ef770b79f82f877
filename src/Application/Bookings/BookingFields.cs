using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;

namespace Kasify.Application.Bookings;

/// <summary>Writable booking fields, checked and parsed; a field left out of a PATCH is null and <see cref="Given"/> says so.</summary>
public sealed record BookingFields(
    Func<string, bool> Given,
    DateOnly? From,
    DateOnly? To,
    Channel? Channel,
    string? ChannelId,
    BookingStatus? Status,
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
    TimeOnly? ArrivalTime,
    TimeOnly? DepartureTime,
    TimeOnly? CheckinTime,
    TimeOnly? CheckoutTime)
{
    public static readonly string[] PaymentTypes = ["EFECT", "TARJT", "PLATF", "TRANS", "MOVIL", "TREG", "DESTI", "OTRO"];

    /// <summary>Fields that cannot be cleared with an explicit null in a PATCH.</summary>
    private static readonly string[] NotNullable = ["from", "to", "channel", "status", "adults_count", "children_count", "infants_count",
        "checkin_time", "checkout_time"];

    /// <param name="given">Whether a field is in the body; null means every field counts as given (create).</param>
    public static BookingFields Parse(BookingRequest r, Func<string, bool>? given, Validation v)
    {
        var isGiven = given ?? (_ => true);
        if (given is not null)
            foreach (var field in NotNullable.Where(f => given(f) && IsNull(r, f)))
                v.Add(field, $"{field} cannot be null.");

        var channel = ParseEnum<Channel>(v, "channel", r.Channel, "airbnb, booking, vrbo, direct, other");
        var status = ParseEnum<BookingStatus>(v, "status", r.Status, "confirmed, blocked, cancelled");
        var payment = v.Optional("payment_type", r.PaymentType, 5)?.ToUpperInvariant();
        if (payment is not null && !PaymentTypes.Contains(payment))
            v.Add("payment_type", $"payment_type must be one of {string.Join(", ", PaymentTypes)}.");
        var email = v.Optional("guest_email", r.GuestEmail, 320);
        if (email is not null && (!email.Contains('@') || email.StartsWith('@') || email.EndsWith('@')))
            v.Add("guest_email", "guest_email must be an email address.");
        SaneDates.Check(v, "from", r.From);
        SaneDates.Check(v, "to", r.To);
        CheckCount(v, "adults_count", r.AdultsCount);
        CheckCount(v, "children_count", r.ChildrenCount);
        CheckCount(v, "infants_count", r.InfantsCount);

        return new BookingFields(isGiven, r.From, r.To, channel,
            v.Optional("channel_id", r.ChannelId, 200), status, payment,
            v.Optional("notes", r.Notes, 2000),
            v.Optional("guest_first_name", r.GuestFirstName, 100),
            v.Optional("guest_last_name", r.GuestLastName, 100),
            email,
            v.Optional("guest_phone", r.GuestPhone, 40),
            r.AdultsCount, r.ChildrenCount, r.InfantsCount,
            v.Optional("special_requests", r.SpecialRequests, 2000),
            v.TimeOfDay("arrival_time", r.ArrivalTime),
            v.TimeOfDay("departure_time", r.DepartureTime),
            v.TimeOfDay("checkin_time", r.CheckinTime),
            v.TimeOfDay("checkout_time", r.CheckoutTime));
    }

    /// <summary>The guest details after this change: given fields replace, others keep <paramref name="current"/>.</summary>
    public GuestDetails ApplyTo(GuestDetails current) => new(
        Given("guest_first_name") ? GuestFirstName : current.FirstName,
        Given("guest_last_name") ? GuestLastName : current.LastName,
        Given("guest_email") ? GuestEmail : current.Email,
        Given("guest_phone") ? GuestPhone : current.Phone,
        Given("adults_count") ? AdultsCount ?? current.AdultsCount : current.AdultsCount,
        Given("children_count") ? ChildrenCount ?? current.ChildrenCount : current.ChildrenCount,
        Given("infants_count") ? InfantsCount ?? current.InfantsCount : current.InfantsCount,
        Given("notes") ? Notes : current.Notes,
        Given("special_requests") ? SpecialRequests : current.SpecialRequests,
        Given("arrival_time") ? ArrivalTime : current.ArrivalTime,
        Given("departure_time") ? DepartureTime : current.DepartureTime,
        Given("payment_type") ? PaymentType : current.PaymentType);

    private static bool IsNull(BookingRequest r, string field) => field switch
    {
        "from" => r.From is null,
        "to" => r.To is null,
        "channel" => r.Channel is null,
        "status" => r.Status is null,
        "adults_count" => r.AdultsCount is null,
        "children_count" => r.ChildrenCount is null,
        "infants_count" => r.InfantsCount is null,
        "checkin_time" => r.CheckinTime is null,
        "checkout_time" => r.CheckoutTime is null,
        _ => false,
    };

    private static void CheckCount(Validation v, string field, int? value)
    {
        if (value is < 0 or > 100) v.Add(field, $"{field} must be between 0 and 100.");
    }

    private static T? ParseEnum<T>(Validation v, string field, string? value, string allowed) where T : struct, Enum
    {
        if (value is null) return null;
        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            return parsed;
        v.Add(field, $"{field} must be one of {allowed}.");
        return null;
    }
}
