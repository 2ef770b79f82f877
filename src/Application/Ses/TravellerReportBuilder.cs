using Kasify.Application.Checkin;
using Kasify.Application.Geo;
using Kasify.Application.Security;
using Kasify.Domain.Bookings;
using Kasify.Domain.Checkin;
using Kasify.Domain.Properties;

namespace Kasify.Application.Ses;

/// <summary>
/// Maps a completed check-in to a parte de viajeros: INE municipality codes from Geo, alpha-3 nationalities, the
/// decrypted document numbers. SES wants an address and a contact for everyone: a minor without them takes the
/// first adult's (they travel together).
/// </summary>
public sealed class TravellerReportBuilder(IGeoCatalog geo, ISecretProtector secrets)
{
    public SesTravellerReport Build(Booking booking, Property property, IReadOnlyList<Guest> guests)
    {
        if (property.SesEstablishmentCode is not { } establishment)
            throw new TravellerReportIncompleteException("The property has no SES establishment code.");
        if (guests.Count == 0) throw new TravellerReportIncompleteException("No guest is registered.");

        var adults = guests.Where(g => g.IsAdultOn(booking.From)).ToList();
        if (adults.Count == 0) throw new TravellerReportIncompleteException("SES needs at least one adult in a parte de viajeros.");
        var fallbackAddress = adults.Select(Address).FirstOrDefault(a => a is not null);
        var fallbackContact = adults.FirstOrDefault(g => g.Phone is not null || g.Email is not null);

        var persons = guests.Select((g, i) =>
        {
            var address = Address(g) ?? fallbackAddress
                ?? throw new TravellerReportIncompleteException($"Guest {i + 1} has no residence address; SES needs one.");
            var contact = g.Phone is not null || g.Email is not null ? g : fallbackContact ?? g;
            return new SesPerson(SesPerson.TravellerRole, g.FirstName, g.LastName, g.SecondLastName, g.DocumentType,
                g.ProtectedDocumentNumber is { } number ? secrets.Unprotect(number) : null, g.DocumentSupportNumber,
                g.DateOfBirth, Alpha3(g.NationalityCountryCode), g.Sex, address, Phone(contact), null, contact.Email, g.RelationshipCode);
        }).ToList();

        var contract = new SesContract(CheckinState.BookingCode(booking), LocalDate(booking.CreatedAt, property),
            booking.From.ToDateTime(booking.CheckinTime), booking.To.ToDateTime(booking.CheckoutTime), persons.Count,
            property.RoomsCount is > 0 ? property.RoomsCount : null, property.HasInternet, PaymentType(booking), null);
        return new SesTravellerReport(establishment, contract, persons);
    }

    private SesAddress? Address(Guest g)
    {
        if (g.ResidenceAddress is null || g.ResidencePostalCode is null || g.ResidenceCountryCode is null) return null;
        var country = Alpha3(g.ResidenceCountryCode);
        if (country != SesAddress.SpainAlpha3) return new SesAddress(g.ResidenceAddress, null, null, g.ResidenceCity, g.ResidencePostalCode, country);
        var city = g.ResidenceCityId is { } cityId ? geo.FindCity(cityId) : null;
        return city is null ? null : new SesAddress(g.ResidenceAddress, null, city.Code, city.Name, g.ResidencePostalCode, country);
    }

    private string Alpha3(string alpha2) =>
        geo.FindCountry(alpha2)?.Code3 ?? throw new TravellerReportIncompleteException($"Unknown country code {alpha2}.");

    private static string? Phone(Guest g) => g.Phone is null ? null : (g.PhonePrefix ?? "") + g.Phone;

    private static string PaymentType(Booking booking) => booking.PaymentType
        ?? (booking.Channel is Channel.Airbnb or Channel.Booking or Channel.Vrbo ? "PLATF" : "OTRO");

    private static DateOnly LocalDate(DateTime utc, Property property) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(property.TimeZone)));
}

/// <summary>The stored data cannot make a valid parte de viajeros; retrying will not help until someone fixes it.</summary>
public sealed class TravellerReportIncompleteException(string message) : Exception(message);
