namespace Kasify.Application.Guests;

/// <summary>
/// A registered guest for owners and managers: every registration field, the document number masked to its last
/// characters (in full it appears only in the guest register export, for an inspection).
/// </summary>
public sealed record GuestResponse(
    Guid Id,
    Guid BookingId,
    Guid PropertyId,
    DateTime RegisteredAt,
    string FirstName,
    string LastName,
    string? SecondLastName,
    string NationalityCountryCode,
    DateOnly DateOfBirth,
    string Sex,
    string? DocumentType,
    string? DocumentNumber,
    string? DocumentSupportNumber,
    string? ResidenceAddress,
    string? ResidenceCountryCode,
    Guid? ResidenceProvinceId,
    Guid? ResidenceCityId,
    string? ResidenceCity,
    string? ResidencePostalCode,
    string? PhonePrefix,
    string? Phone,
    string? Email,
    string? RelationshipCode);

public sealed record GuestsPage(IReadOnlyList<GuestResponse> Guests, int Page, int Size, int Total);

public static class GuestResponses
{
    /// <param name="reveal">Decrypts the document number (null when it cannot).</param>
    public static GuestResponse From(Domain.Checkin.Guest g, Func<string?, string?> reveal) => new(g.Id, g.BookingId, g.PropertyId,
        g.RegisteredAt, g.FirstName, g.LastName, g.SecondLastName, g.NationalityCountryCode, g.DateOfBirth, g.Sex, g.DocumentType,
        Mask(reveal(g.ProtectedDocumentNumber)), g.DocumentSupportNumber, g.ResidenceAddress, g.ResidenceCountryCode, g.ResidenceProvinceId,
        g.ResidenceCityId, g.ResidenceCity, g.ResidencePostalCode, g.PhonePrefix, g.Phone, g.Email, g.RelationshipCode);

    /// <summary>"12345678Z" → "•••••678Z": enough to tell documents apart, not enough to use one.</summary>
    public static string? Mask(string? number) =>
        number is null ? null : new string('•', Math.Max(0, number.Length - 4)) + number[Math.Max(0, number.Length - 4)..];
}
