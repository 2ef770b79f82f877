namespace Kasify.Application.Ses;

/// <summary>
/// Residence address. Spain (<c>ESP</c>) needs the 5-digit INE <see cref="MunicipalityCode"/>;
/// other countries need the free-text <see cref="MunicipalityName"/>.
/// </summary>
public sealed record SesAddress(
    string Street,
    string? Extra,
    string? MunicipalityCode,
    string? MunicipalityName,
    string PostalCode,
    string CountryAlpha3)
{
    public const string SpainAlpha3 = "ESP";

    public override string ToString() => $"SesAddress {{ CountryAlpha3 = {CountryAlpha3} }}";
}
