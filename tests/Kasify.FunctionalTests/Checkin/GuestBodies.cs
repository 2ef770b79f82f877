namespace Kasify.FunctionalTests.Checkin;

/// <summary>Guest registration bodies that pass SES validation (docs/api.md §9).</summary>
public static class GuestBodies
{
    public const string MadridProvinceId = "b613c014-0386-5633-b32f-09066c676b48";
    public const string MadridCityId = "4e0392db-1733-5ece-b759-a7692362c383";
    public const string ValidNif = "12345678Z";
    public const string ValidNie = "X1234567L";

    public static Dictionary<string, object?> SpanishAdult(string firstName = "Lucía") => new()
    {
        ["first_name"] = firstName,
        ["last_name"] = "Martín",
        ["second_last_name"] = "Ruiz",
        ["nationality_country_code"] = "ES",
        ["date_of_birth"] = "1985-04-12",
        ["sex"] = "M",
        ["document_type"] = "NIF",
        ["document_number"] = ValidNif,
        ["document_support_number"] = "BAA000589",
        ["residence_address"] = "Calle de Alcalá 20",
        ["residence_country_code"] = "ES",
        ["residence_province_id"] = MadridProvinceId,
        ["residence_city_id"] = MadridCityId,
        ["residence_postal_code"] = "28014",
        ["phone_prefix"] = "+34",
        ["phone"] = "600111222",
        ["email"] = "lucia@example.test",
    };

    public static Dictionary<string, object?> FrenchAdult(string firstName = "Pierre") => new()
    {
        ["first_name"] = firstName,
        ["last_name"] = "Dubois",
        ["nationality_country_code"] = "FRA",
        ["date_of_birth"] = "1983-09-30",
        ["sex"] = "H",
        ["document_type"] = "PAS",
        ["document_number"] = "19AB12345",
        ["residence_address"] = "12 rue de Rivoli",
        ["residence_country_code"] = "FR",
        ["residence_city"] = "Paris",
        ["residence_postal_code"] = "75004",
        ["email"] = "pierre@example.test",
    };

    /// <summary>An 8-year-old: no document, a relationship code, no contact of their own.</summary>
    public static Dictionary<string, object?> Child(string firstName = "Pablo") => new()
    {
        ["first_name"] = firstName,
        ["last_name"] = "Dubois",
        ["nationality_country_code"] = "es",
        ["date_of_birth"] = "2018-02-03",
        ["sex"] = "H",
        ["residence_address"] = "Calle de Alcalá 20",
        ["residence_country_code"] = "ES",
        ["residence_province_id"] = MadridProvinceId,
        ["residence_city_id"] = MadridCityId,
        ["residence_postal_code"] = "28014",
        ["relationship_code"] = "hj",
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> body, string key, object? value)
    {
        var copy = new Dictionary<string, object?>(body) { [key] = value };
        return copy;
    }
}
