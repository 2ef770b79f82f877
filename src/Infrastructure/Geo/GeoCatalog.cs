using Kasify.Application.Geo;

namespace Kasify.Infrastructure.Geo;

/// <summary>In-memory <see cref="IGeoCatalog"/> over the embedded data; load once and share (singleton).</summary>
internal sealed class GeoCatalog : IGeoCatalog
{
    private const int MaxCities = 50;

    private readonly IReadOnlyList<CountryEntry> _countries;
    private readonly Dictionary<string, CountryEntry> _countriesByCode;
    private readonly IReadOnlyList<Searchable<Province>> _provinces;
    private readonly Dictionary<Guid, Province> _provincesById;
    private readonly IReadOnlyList<Searchable<City>> _cities;
    private readonly Dictionary<Guid, City> _citiesById;

    public GeoCatalog()
    {
        _countries = GeoDataFiles.Countries().Select(CountryEntry.From).ToList();
        _countriesByCode = _countries
            .SelectMany(c => new[] { (c.English.Code, c), (c.English.Code3, c) })
            .ToDictionary(pair => pair.Item1, pair => pair.c, StringComparer.OrdinalIgnoreCase);

        var provinces = GeoDataFiles.Provinces()
            .Select(p => new Province(GeoIds.ForProvince(p.Code), p.Code, p.Name))
            .ToList();
        _provinces = provinces.Select(p => new Searchable<Province>(p, SearchText.Normalize(p.Name), p.Code)).ToList();
        _provincesById = provinces.ToDictionary(p => p.Id);

        var provinceIdsByCode = provinces.ToDictionary(p => p.Code, p => p.Id);
        var cities = GeoDataFiles.Cities()
            .Select(c => new City(GeoIds.ForMunicipality(c.Code), c.Code, c.Name, provinceIdsByCode[c.ProvinceCode]))
            .ToList();
        _cities = cities.Select(c => new Searchable<City>(c, SearchText.Normalize(c.Name), c.Code)).ToList();
        _citiesById = cities.ToDictionary(c => c.Id);
    }

    public IReadOnlyList<Country> SearchCountries(string? q, string lang)
    {
        var spanish = IsSpanish(lang);
        var query = SearchText.Normalize(q);
        return _countries
            .Select(c => (Entry: c, NormalizedName: spanish ? c.NormalizedSpanishName : c.NormalizedEnglishName))
            .Select(c => (c.Entry, c.NormalizedName, Rank: query.Length == 0
                ? SearchText.ExactRank
                : SearchText.Best(
                    SearchText.Rank(c.NormalizedName, query),
                    query == c.Entry.NormalizedCode || query == c.Entry.NormalizedCode3 ? SearchText.ExactRank : null)))
            .Where(c => c.Rank is not null)
            .OrderBy(c => c.Rank)
            .ThenBy(c => c.NormalizedName, StringComparer.Ordinal)
            .Select(c => spanish ? c.Entry.Spanish : c.Entry.English)
            .ToList();
    }

    public IReadOnlyList<Province> SearchProvinces(string? q) =>
        Search(_provinces, SearchText.Normalize(q), int.MaxValue);

    public IReadOnlyList<City> SearchCities(string? q, Guid? provinceId, int limit = MaxCities)
    {
        var candidates = provinceId is { } id ? _cities.Where(c => c.Item.ProvinceId == id) : _cities;
        return Search(candidates, SearchText.Normalize(q), Math.Clamp(limit, 0, MaxCities));
    }

    public Country? FindCountry(string alpha2OrAlpha3) => FindCountry(alpha2OrAlpha3, "en");

    public Country? FindCountry(string alpha2OrAlpha3, string lang)
    {
        if (string.IsNullOrWhiteSpace(alpha2OrAlpha3) || !_countriesByCode.TryGetValue(alpha2OrAlpha3.Trim(), out var entry))
        {
            return null;
        }

        return IsSpanish(lang) ? entry.Spanish : entry.English;
    }

    public Province? FindProvince(Guid id) => _provincesById.GetValueOrDefault(id);

    public City? FindCity(Guid id) => _citiesById.GetValueOrDefault(id);

    private static List<T> Search<T>(IEnumerable<Searchable<T>> candidates, string query, int limit) =>
        candidates
            .Select(c => (c.Item, c.NormalizedName, c.Code, Rank: query.Length == 0
                ? SearchText.ExactRank
                : SearchText.Best(SearchText.Rank(c.NormalizedName, query), SearchText.RankCode(c.Code, query))))
            .Where(c => c.Rank is not null)
            .OrderBy(c => c.Rank)
            .ThenBy(c => c.NormalizedName, StringComparer.Ordinal)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .Take(limit)
            .Select(c => c.Item)
            .ToList();

    private static bool IsSpanish(string? lang) =>
        lang is not null && lang.Trim().StartsWith("es", StringComparison.OrdinalIgnoreCase);

    private sealed record Searchable<T>(T Item, string NormalizedName, string Code);

    private sealed record CountryEntry(
        Country English,
        Country Spanish,
        string NormalizedEnglishName,
        string NormalizedSpanishName,
        string NormalizedCode,
        string NormalizedCode3)
    {
        public static CountryEntry From(CountryRow row) => new(
            new Country(row.Alpha2, row.Alpha3, row.NameEn),
            new Country(row.Alpha2, row.Alpha3, row.NameEs),
            SearchText.Normalize(row.NameEn),
            SearchText.Normalize(row.NameEs),
            SearchText.Normalize(row.Alpha2),
            SearchText.Normalize(row.Alpha3));
    }
}
