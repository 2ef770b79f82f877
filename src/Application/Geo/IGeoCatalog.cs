namespace Kasify.Application.Geo;

/// <summary>
/// Read-only catalogue of ISO 3166-1 countries and Spain's INE provinces and municipalities.
/// Searches are accent- and case-insensitive and also match codes.
/// </summary>
public interface IGeoCatalog
{
    /// <summary>All countries when <paramref name="q"/> is empty; names in <paramref name="lang"/> ("en" or "es").</summary>
    IReadOnlyList<Country> SearchCountries(string? q, string lang);

    IReadOnlyList<Province> SearchProvinces(string? q);

    /// <summary>At most <paramref name="limit"/> cities, and never more than 50.</summary>
    IReadOnlyList<City> SearchCities(string? q, Guid? provinceId, int limit = 50);

    /// <summary>Finds a country by ISO alpha-2 or alpha-3 code (any case); the name is in English.</summary>
    Country? FindCountry(string alpha2OrAlpha3);

    /// <summary>Same as <see cref="FindCountry(string)"/> with the name in <paramref name="lang"/> ("en" or "es").</summary>
    Country? FindCountry(string alpha2OrAlpha3, string lang);

    Province? FindProvince(Guid id);

    City? FindCity(Guid id);
}
