namespace Kasify.Application.Checkin;

/// <summary>
/// The body of POST /checkin/{code}/guests (docs/api.md §9). With the snake_case_lower JSON policy the
/// properties read as first_name, date_of_birth, residence_province_id, …
/// </summary>
public sealed record GuestRegistration
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? SecondLastName { get; init; }
    public string? NationalityCountryCode { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? Sex { get; init; }
    public string? DocumentType { get; init; }
    public string? DocumentNumber { get; init; }
    public string? DocumentSupportNumber { get; init; }
    public string? ResidenceAddress { get; init; }
    public string? ResidenceCountryCode { get; init; }
    public Guid? ResidenceProvinceId { get; init; }
    public Guid? ResidenceCityId { get; init; }
    public string? ResidenceCity { get; init; }
    public string? ResidencePostalCode { get; init; }
    public string? PhonePrefix { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? RelationshipCode { get; init; }
}
