namespace Kasify.Application.Guests;

/// <summary>A registered guest for owners and managers: every registration field, the document number decrypted.</summary>
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
