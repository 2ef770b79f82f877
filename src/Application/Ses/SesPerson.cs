namespace Kasify.Application.Ses;

/// <summary>
/// One traveller (<c>persona</c>). Role is <c>VI</c> for a parte de viajeros. Minors may go without a document
/// but then carry a <see cref="Relationship"/> code (parentesco).
/// </summary>
public sealed record SesPerson(
    string Role,
    string FirstName,
    string LastName1,
    string? LastName2,
    string? DocumentType,
    string? DocumentNumber,
    string? DocumentSupport,
    DateOnly BirthDate,
    string NationalityAlpha3,
    string Sex,
    SesAddress Address,
    string? Phone,
    string? Phone2,
    string? Email,
    string? Relationship)
{
    public const string TravellerRole = "VI";

    // Guests' personal data must not reach logs through an accidental string interpolation.
    public override string ToString() => $"SesPerson {{ Role = {Role} }}";
}
