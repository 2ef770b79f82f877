using Kasify.Application.Geo;
using Kasify.Application.Security;
using Kasify.Domain.Checkin;

namespace Kasify.Application.Checkin;

/// <summary>Turns a validated registration into the guest's stored values: trimmed text, upper-case codes, alpha-2 countries, encrypted document number.</summary>
public sealed class GuestRegistrationMapper(IGeoCatalog geo, ISecretProtector secrets)
{
    public (GuestIdentity Identity, GuestContact Contact) Map(GuestRegistration r)
    {
        var documentType = Code(r.DocumentType);
        var documentNumber = documentType is null ? null : NormalizeDocument(r.DocumentNumber);
        var residenceCountry = Text(r.ResidenceCountryCode) is { } country ? geo.FindCountry(country)!.Code : null;
        var inSpain = residenceCountry == "ES";

        var identity = new GuestIdentity(
            Text(r.FirstName)!, Text(r.LastName)!, Text(r.SecondLastName),
            geo.FindCountry(r.NationalityCountryCode!.Trim())!.Code,
            r.DateOfBirth!.Value, Code(r.Sex)!, documentType,
            documentNumber is null ? null : secrets.Protect(documentNumber),
            documentType is null ? null : Text(r.DocumentSupportNumber)?.ToUpperInvariant(),
            Code(r.RelationshipCode));
        var contact = new GuestContact(
            Text(r.ResidenceAddress), residenceCountry,
            inSpain ? r.ResidenceProvinceId : null, inSpain ? r.ResidenceCityId : null,
            inSpain ? null : Text(r.ResidenceCity), Text(r.ResidencePostalCode),
            Text(r.PhonePrefix), Text(r.Phone), Text(r.Email));
        return (identity, contact);
    }

    private static string? NormalizeDocument(string? number) =>
        string.IsNullOrWhiteSpace(number) ? null : SpanishIdentityDocument.Normalize(number);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Code(string? value) => Text(value)?.ToUpperInvariant();
}
