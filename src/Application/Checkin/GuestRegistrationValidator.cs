using Kasify.Application.Common;
using System.Text.RegularExpressions;
using Kasify.Application.Geo;
using Kasify.Domain.Checkin;

namespace Kasify.Application.Checkin;

/// <summary>
/// Validates a guest registration against the SES.HOSPEDAJES rules of docs/api.md §9. Errors are keyed by the
/// snake_case field name so a form can show them next to the field. Codes are accepted in any case.
/// </summary>
public sealed partial class GuestRegistrationValidator(IGeoCatalog geo)
{
    public const int NameMaxLength = 50;
    public const int AddressMaxLength = 100;
    public const int CityMaxLength = 100;
    public const int DocumentNumberMaxLength = 20;
    public const int PostalCodeMaxLength = 20;
    public const int EmailMaxLength = 254;
    public const int MaxPlausibleAge = 120;
    public const int DocumentRequiredFromAge = 14;

    public IReadOnlyDictionary<string, string[]> Validate(GuestRegistration g, DateOnly today)
    {
        var errors = new Validation();
        var age = ValidatePerson(g, today, errors);
        ValidateDocument(g, age, errors);
        ValidateResidence(g, errors);
        ValidateContact(g, age, errors);
        return errors.ToDictionary();
    }

    private int? ValidatePerson(GuestRegistration g, DateOnly today, Validation errors)
    {
        RequireText(errors, "first_name", g.FirstName, NameMaxLength);
        RequireText(errors, "last_name", g.LastName, NameMaxLength);
        LimitText(errors, "second_last_name", g.SecondLastName, NameMaxLength);

        if (IsBlank(g.NationalityCountryCode))
        {
            errors.Add("nationality_country_code", "Nationality is required.");
        }
        else if (geo.FindCountry(g.NationalityCountryCode!) is null)
        {
            errors.Add("nationality_country_code", "Must be an ISO 3166-1 alpha-2 or alpha-3 country code.");
        }

        var sex = Code(g.Sex);
        if (sex is null)
        {
            errors.Add("sex", "Sex is required.");
        }
        else if (!GuestRegistrationCodes.Sexes.Contains(sex))
        {
            errors.Add("sex", "Must be H, M or O.");
        }

        if (g.DateOfBirth is not { } dob)
        {
            errors.Add("date_of_birth", "Date of birth is required.");
            return null;
        }

        if (dob >= today)
        {
            errors.Add("date_of_birth", "Date of birth must be in the past.");
            return null;
        }

        var age = GuestAge.On(dob, today);
        if (age > MaxPlausibleAge)
        {
            errors.Add("date_of_birth", $"Date of birth means an age over {MaxPlausibleAge} years.");
            return null;
        }

        return age;
    }

    private static void ValidateDocument(GuestRegistration g, int? age, Validation errors)
    {
        LimitText(errors, "document_number", g.DocumentNumber, DocumentNumberMaxLength);
        LimitText(errors, "document_support_number", g.DocumentSupportNumber, DocumentNumberMaxLength);

        var type = Code(g.DocumentType);
        if (type is null)
        {
            if (age >= DocumentRequiredFromAge)
            {
                errors.Add("document_type", $"An identity document is required from age {DocumentRequiredFromAge}.");
            }
            else if (!IsBlank(g.DocumentNumber))
            {
                errors.Add("document_type", "Document type is required with a document number.");
            }

            return;
        }

        if (!GuestRegistrationCodes.DocumentTypes.Contains(type))
        {
            errors.Add("document_type", "Must be NIF, NIE, PAS or OTRO.");
            return;
        }

        if (IsBlank(g.DocumentNumber))
        {
            errors.Add("document_number", "Document number is required with a document type.");
        }
        else if (type == GuestRegistrationCodes.Nif && !SpanishIdentityDocument.IsValidNif(g.DocumentNumber))
        {
            errors.Add("document_number", "Not a valid NIF: 8 digits and the matching check letter.");
        }
        else if (type == GuestRegistrationCodes.Nie && !SpanishIdentityDocument.IsValidNie(g.DocumentNumber))
        {
            errors.Add("document_number", "Not a valid NIE: X, Y or Z, 7 digits and the matching check letter.");
        }

        if (type is GuestRegistrationCodes.Nif or GuestRegistrationCodes.Nie && IsBlank(g.DocumentSupportNumber))
        {
            errors.Add("document_support_number", "Support number is required with a NIF or NIE.");
        }

        if (type == GuestRegistrationCodes.Nif && IsBlank(g.SecondLastName))
        {
            errors.Add("second_last_name", "Second last name is required with a NIF.");
        }
    }

    private void ValidateResidence(GuestRegistration g, Validation errors)
    {
        LimitText(errors, "residence_address", g.ResidenceAddress, AddressMaxLength);
        LimitText(errors, "residence_city", g.ResidenceCity, CityMaxLength);
        LimitText(errors, "residence_postal_code", g.ResidencePostalCode, PostalCodeMaxLength);

        if (IsBlank(g.ResidenceCountryCode))
        {
            if (HasAnyResidenceDetail(g))
            {
                errors.Add("residence_country_code", "Residence country is required with a residence address.");
            }

            return;
        }

        var country = geo.FindCountry(g.ResidenceCountryCode!);
        if (country is null)
        {
            errors.Add("residence_country_code", "Must be an ISO 3166-1 alpha-2 or alpha-3 country code.");
            return;
        }

        // SES needs street, postal code and country for every address (vendors.md §4.3, direccionType).
        if (IsBlank(g.ResidenceAddress))
        {
            errors.Add("residence_address", "Residence address is required with a residence country.");
        }

        if (IsBlank(g.ResidencePostalCode))
        {
            errors.Add("residence_postal_code", "Postal code is required with a residence country.");
        }

        if (country.Code == "ES")
        {
            ValidateSpanishResidence(g, errors);
        }
        else if (IsBlank(g.ResidenceCity))
        {
            errors.Add("residence_city", "City is required for a residence outside Spain.");
        }
    }

    private void ValidateSpanishResidence(GuestRegistration g, Validation errors)
    {
        if (!IsBlank(g.ResidencePostalCode) && !SpanishPostalCode().IsMatch(g.ResidencePostalCode!.Trim()))
        {
            errors.Add("residence_postal_code", "A Spanish postal code has 5 digits.");
        }

        var province = g.ResidenceProvinceId is { } provinceId ? geo.FindProvince(provinceId) : null;
        if (g.ResidenceProvinceId is null)
        {
            errors.Add("residence_province_id", "Province is required for a residence in Spain.");
        }
        else if (province is null)
        {
            errors.Add("residence_province_id", "Unknown province.");
        }

        if (g.ResidenceCityId is not { } cityId)
        {
            errors.Add("residence_city_id", "City is required for a residence in Spain.");
        }
        else if (geo.FindCity(cityId) is not { } city)
        {
            errors.Add("residence_city_id", "Unknown city.");
        }
        else if (province is not null && city.ProvinceId != province.Id)
        {
            errors.Add("residence_city_id", "City is not in the chosen province.");
        }
    }

    private static void ValidateContact(GuestRegistration g, int? age, Validation errors)
    {
        if (!IsBlank(g.Email) && (g.Email!.Trim().Length > EmailMaxLength || !Email().IsMatch(g.Email.Trim())))
        {
            errors.Add("email", "Not a valid email address.");
        }

        if (!IsBlank(g.Phone) && !Phone().IsMatch(g.Phone!.Trim()))
        {
            errors.Add("phone", "Not a valid phone number.");
        }

        if (!IsBlank(g.PhonePrefix) && !PhonePrefix().IsMatch(g.PhonePrefix!.Trim()))
        {
            errors.Add("phone_prefix", "Not a valid international dialling prefix, e.g. +34.");
        }

        if (age is { } adult && GuestAge.IsAdult(adult) && IsBlank(g.Phone) && IsBlank(g.Email))
        {
            errors.Add("phone", "Adults must give a phone number or an email address.");
            errors.Add("email", "Adults must give a phone number or an email address.");
        }

        var relationship = Code(g.RelationshipCode);
        if (relationship is not null && !GuestRegistrationCodes.RelationshipCodes.Contains(relationship))
        {
            errors.Add("relationship_code", "Not a known relationship code.");
        }
        else if (relationship is null && age is { } minor && !GuestAge.IsAdult(minor))
        {
            errors.Add("relationship_code", $"Guests under {GuestAge.Adult} need their relationship to the responsible adult.");
        }
    }

    private static bool HasAnyResidenceDetail(GuestRegistration g) =>
        !IsBlank(g.ResidenceAddress) || !IsBlank(g.ResidenceCity) || !IsBlank(g.ResidencePostalCode)
        || g.ResidenceProvinceId is not null || g.ResidenceCityId is not null;

    private static void RequireText(Validation errors, string field, string? value, int maxLength)
    {
        if (IsBlank(value))
        {
            errors.Add(field, "This field is required.");
            return;
        }

        LimitText(errors, field, value, maxLength);
    }

    private static void LimitText(Validation errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            errors.Add(field, $"At most {maxLength} characters.");
        }
    }

    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    private static string? Code(string? value) => IsBlank(value) ? null : value!.Trim().ToUpperInvariant();

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex SpanishPostalCode();

    // Deliberately loose: one @, no spaces, a dot in the domain. Real verification is sending mail.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()./-]{4,18}[0-9]$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^\+?[0-9]{1,4}$")]
    private static partial Regex PhonePrefix();
}
