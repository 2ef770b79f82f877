using Kasify.Application.Common;

namespace Kasify.Application.Geo;

/// <summary>Public Geo searches (docs/api.md §10); plain arrays, no paging.</summary>
public sealed class SearchGeoHandler(IGeoCatalog geo)
{
    public const int MaxQueryLength = 100;
    private static readonly string[] Languages = ["en", "es"];

    public IReadOnlyList<Country> Countries(string? q, string? lang)
    {
        var language = string.IsNullOrWhiteSpace(lang) ? "en" : lang.Trim().ToLowerInvariant();
        var v = new Validation();
        CheckQuery(v, q);
        if (!Languages.Contains(language)) v.Add("lang", "lang must be en or es.");
        v.ThrowIfInvalid();
        return geo.SearchCountries(q, language);
    }

    public IReadOnlyList<Province> Provinces(string? q, string? country)
    {
        var v = new Validation();
        CheckQuery(v, q);
        v.ThrowIfInvalid();
        // Only Spain has provinces here; another country simply has none.
        if (!string.IsNullOrWhiteSpace(country) && geo.FindCountry(country.Trim())?.Code != "ES") return [];
        return geo.SearchProvinces(q);
    }

    public IReadOnlyList<City> Cities(string? q, Guid? provinceId)
    {
        var v = new Validation();
        CheckQuery(v, q);
        v.ThrowIfInvalid();
        if (provinceId is { } id && geo.FindProvince(id) is null) return [];
        return geo.SearchCities(q, provinceId);
    }

    private static void CheckQuery(Validation v, string? q)
    {
        if (q is { Length: > MaxQueryLength }) v.Add("q", $"q must be at most {MaxQueryLength} characters.");
    }
}
