using Kasify.Application.Geo;

namespace Kasify.UnitTests.Geo;

public class GeoCatalogSearchTests
{
    private static IGeoCatalog Geo => SharedGeoCatalog.Instance;

    [TestCase("alava", "01")]
    [TestCase("ÁLAVA", "01")]
    [TestCase("araba", "01")]
    [TestCase("a coruna", "15")]
    [TestCase("coruña", "15")]
    [TestCase("balears", "07")]
    [TestCase("castello", "12")]
    [TestCase("28", "28")]
    public void A_province_is_found_without_accents_or_case(string query, string expectedCode)
    {
        Geo.SearchProvinces(query).Select(p => p.Code).Should().Contain(expectedCode);
    }

    [Test]
    public void Provinces_starting_with_the_query_come_before_provinces_merely_containing_it()
    {
        var codes = Geo.SearchProvinces("la").Select(p => p.Code).ToList();

        // "La Rioja" and "Las Palmas" start with "la"; "Málaga" and "Salamanca" only contain it.
        codes.Take(2).Should().Equal("26", "35");
        codes.Should().Contain(["29", "37"]);
        codes.IndexOf("29").Should().BeGreaterThan(1);
    }

    [Test]
    public void All_provinces_come_alphabetically_when_there_is_no_query()
    {
        var names = Geo.SearchProvinces("  ").Select(p => p.Name).ToList();

        names.Should().HaveCount(52);
        names.First().Should().Be("A Coruña");
    }

    [Test]
    public void Searching_madrid_puts_the_city_of_madrid_first()
    {
        var cities = Geo.SearchCities("madrid", null);

        cities.First().Code.Should().Be("28079");
        cities.Should().Contain(c => c.Code == "28127"); // Las Rozas de Madrid: word prefix
    }

    [Test]
    public void A_city_is_found_by_its_ine_code()
    {
        Geo.SearchCities("28079", null).Should().ContainSingle().Which.Name.Should().Be("Madrid");
    }

    [TestCase("a coruna", "15030")]
    [TestCase("CORUÑA", "15030")]
    [TestCase("san sebastian", "20069")]
    [TestCase("donostia", "20069")]
    [TestCase("seu d'urgell", "25203")]
    [TestCase("agurain", "01051")]
    [TestCase("salvatierra", "01051")]
    [TestCase("valencia", "46250")]
    [TestCase("abaran", "30002")]
    public void A_city_is_found_without_accents_or_case_by_any_part_of_its_name(string query, string expectedCode)
    {
        Geo.SearchCities(query, null).Select(c => c.Code).Should().Contain(expectedCode);
    }

    [Test]
    public void City_search_returns_at_most_50_results()
    {
        Geo.SearchCities("a", null).Should().HaveCount(50);
        Geo.SearchCities(null, null, limit: 500).Should().HaveCount(50);
        Geo.SearchCities("a", null, limit: 5).Should().HaveCount(5);
    }

    [Test]
    public void City_search_can_be_limited_to_one_province()
    {
        var asturias = Geo.SearchProvinces("asturias").Single();

        var cities = Geo.SearchCities("san", asturias.Id);

        cities.Should().NotBeEmpty().And.OnlyContain(c => c.ProvinceId == asturias.Id);
    }

    [Test]
    public void Cities_that_match_equally_well_come_alphabetically()
    {
        var prefixMatches = Geo.SearchCities("villanueva de la", null)
            .Select(c => c.Name)
            .ToList();

        prefixMatches.Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [TestCase("espana", "es", "ES")]
    [TestCase("alemania", "es", "DE")]
    [TestCase("reino unido", "es", "GB")]
    [TestCase("spain", "en", "ES")]
    [TestCase("esp", "en", "ES")]
    [TestCase("united kingdom", "en", "GB")]
    public void A_country_is_found_by_name_in_the_requested_language_or_by_code(string query, string lang, string expectedCode)
    {
        Geo.SearchCountries(query, lang).First().Code.Should().Be(expectedCode);
    }

    [Test]
    public void Country_names_come_in_spanish_when_asked()
    {
        Geo.SearchCountries("ES", "es").First().Name.Should().Be("España");
        Geo.SearchCountries("ES", "en").First().Name.Should().Be("Spain");
    }

    [Test]
    public void A_query_that_matches_nothing_returns_empty_lists()
    {
        Geo.SearchCities("zzzz", null).Should().BeEmpty();
        Geo.SearchProvinces("zzzz").Should().BeEmpty();
        Geo.SearchCountries("zzzz", "en").Should().BeEmpty();
    }
}
