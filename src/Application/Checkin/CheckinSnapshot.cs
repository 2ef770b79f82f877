namespace Kasify.Application.Checkin;

/// <summary>What the guest's public check-in page shows (docs/api.md §9).</summary>
public sealed record CheckinSnapshot(
    CheckinProperty Property,
    DateOnly From,
    DateOnly To,
    int GuestsNumber,
    string BookingCode,
    IReadOnlyList<CheckinGuest> Guests,
    bool CheckinCompleted,
    bool CheckinClosed,
    bool HasMinors);

/// <summary>The stay's check-in and check-out times (they default to the property's).</summary>
public sealed record CheckinProperty(string Name, string Address, string City, string Country, TimeOnly CheckinTime, TimeOnly CheckoutTime);

/// <summary>A registered guest as the public page shows it: never the document numbers (it has no member for them). Mapped by Mapster.</summary>
public sealed record CheckinGuest(
    Guid Id,
    string FirstName,
    string LastName,
    string? SecondLastName,
    string NationalityCountryCode,
    DateOnly DateOfBirth,
    string Sex,
    string? DocumentType,
    string? ResidenceAddress,
    string? ResidenceCountryCode,
    Guid? ResidenceProvinceId,
    Guid? ResidenceCityId,
    string? ResidenceCity,
    string? ResidencePostalCode,
    string? PhonePrefix,
    string? Phone,
    string? Email,
    string? RelationshipCode,
    DateTime RegisteredAt);
