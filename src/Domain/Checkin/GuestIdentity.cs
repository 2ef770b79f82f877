namespace Kasify.Domain.Checkin;

/// <summary>Who the guest is, as SES.HOSPEDAJES needs it. Codes are upper case; the document number is already encrypted.</summary>
public sealed record GuestIdentity(
    string FirstName,
    string LastName,
    string? SecondLastName,
    string NationalityCountryCode,
    DateOnly DateOfBirth,
    string Sex,
    string? DocumentType,
    string? ProtectedDocumentNumber,
    string? DocumentSupportNumber,
    string? RelationshipCode);

/// <summary>Where the guest lives and how to reach them. Spain uses Geo ids; other countries a free-text city.</summary>
public sealed record GuestContact(
    string? ResidenceAddress,
    string? ResidenceCountryCode,
    Guid? ResidenceProvinceId,
    Guid? ResidenceCityId,
    string? ResidenceCity,
    string? ResidencePostalCode,
    string? PhonePrefix,
    string? Phone,
    string? Email);
