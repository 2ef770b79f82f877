namespace Kasify.Application.Guests;

/// <summary>
/// One traveller in the guest register: the fields SES.HOSPEDAJES takes (codes as SES wants them: alpha-3 countries,
/// INE municipality), the stay, and where its report stands. Column order of the CSV is the order here.
/// </summary>
public sealed record GuestRegisterRow(
    Guid BookingId,
    string BookingReference,
    DateTime CheckIn,
    DateTime CheckOut,
    int GuestsNumber,
    Guid GuestId,
    DateTime RegisteredAt,
    string FirstName,
    string LastName,
    string? SecondLastName,
    string? DocumentType,
    string? DocumentNumber,
    string? DocumentSupportNumber,
    DateOnly DateOfBirth,
    string? Nationality,
    string Sex,
    string? RelationshipCode,
    string? ResidenceAddress,
    string? ResidenceMunicipalityCode,
    string? ResidenceMunicipality,
    string? ResidencePostalCode,
    string? ResidenceCountry,
    string? Phone,
    string? Email,
    string SesStatus,
    string? SesBatchId,
    DateTime? SesSubmittedAt);

public sealed record GuestRegister(Guid PropertyId, string PropertyName, string? EstablishmentCode, DateOnly From, DateOnly To,
    IReadOnlyList<GuestRegisterRow> Travellers);
