using Kasify.Application.Checkin;

namespace Kasify.Application.Guests;

/// <summary>A PATCH body: the registration fields it named (snake_case) and their values; a named null clears the field.</summary>
public sealed record GuestPatch(GuestRegistration Values, IReadOnlySet<string> Fields)
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "first_name", "last_name", "second_last_name", "nationality_country_code", "date_of_birth", "sex", "document_type",
        "document_number", "document_support_number", "residence_address", "residence_country_code", "residence_province_id",
        "residence_city_id", "residence_city", "residence_postal_code", "phone_prefix", "phone", "email", "relationship_code",
    };

    public GuestRegistration ApplyTo(GuestRegistration current)
    {
        var v = Values;
        return current with
        {
            FirstName = Has("first_name") ? v.FirstName : current.FirstName,
            LastName = Has("last_name") ? v.LastName : current.LastName,
            SecondLastName = Has("second_last_name") ? v.SecondLastName : current.SecondLastName,
            NationalityCountryCode = Has("nationality_country_code") ? v.NationalityCountryCode : current.NationalityCountryCode,
            DateOfBirth = Has("date_of_birth") ? v.DateOfBirth : current.DateOfBirth,
            Sex = Has("sex") ? v.Sex : current.Sex,
            DocumentType = Has("document_type") ? v.DocumentType : current.DocumentType,
            DocumentNumber = Has("document_number") ? v.DocumentNumber : current.DocumentNumber,
            DocumentSupportNumber = Has("document_support_number") ? v.DocumentSupportNumber : current.DocumentSupportNumber,
            ResidenceAddress = Has("residence_address") ? v.ResidenceAddress : current.ResidenceAddress,
            ResidenceCountryCode = Has("residence_country_code") ? v.ResidenceCountryCode : current.ResidenceCountryCode,
            ResidenceProvinceId = Has("residence_province_id") ? v.ResidenceProvinceId : current.ResidenceProvinceId,
            ResidenceCityId = Has("residence_city_id") ? v.ResidenceCityId : current.ResidenceCityId,
            ResidenceCity = Has("residence_city") ? v.ResidenceCity : current.ResidenceCity,
            ResidencePostalCode = Has("residence_postal_code") ? v.ResidencePostalCode : current.ResidencePostalCode,
            PhonePrefix = Has("phone_prefix") ? v.PhonePrefix : current.PhonePrefix,
            Phone = Has("phone") ? v.Phone : current.Phone,
            Email = Has("email") ? v.Email : current.Email,
            RelationshipCode = Has("relationship_code") ? v.RelationshipCode : current.RelationshipCode,
        };
    }

    private bool Has(string field) => Fields.Contains(field);
}
