using Kasify.Application.Geo;
using Kasify.Infrastructure.Geo;

namespace Kasify.UnitTests.Geo;

public class GeoCatalogDataTests
{
    private static IGeoCatalog Geo => SharedGeoCatalog.Instance;

    [Test]
    public void Spain_has_52_provinces_with_two_digit_codes_01_to_52()
    {
        var provinces = Geo.SearchProvinces(null);

        provinces.Should().HaveCount(52);
        provinces.Select(p => p.Code).Should().BeEquivalentTo(Enumerable.Range(1, 52).Select(n => n.ToString("00")));
    }

    [Test]
    public void There_are_more_than_8000_municipalities_each_found_by_id_in_the_province_of_its_code()
    {
        var rows = GeoDataFiles.Cities();

        rows.Should().HaveCountGreaterThanOrEqualTo(8000);
        rows.Select(r => r.Code).Should().OnlyHaveUniqueItems().And.OnlyContain(code => code.Length == 5 && code.All(char.IsAsciiDigit));
        foreach (var row in rows)
        {
            var city = Geo.FindCity(GeoIds.ForMunicipality(row.Code));
            city.Should().NotBeNull(row.Code);
            Geo.FindProvince(city!.ProvinceId)!.Code.Should().Be(row.Code[..2]);
        }
    }

    [Test]
    public void All_iso_countries_are_listed_with_alpha2_and_alpha3_codes()
    {
        var countries = Geo.SearchCountries(null, "en");

        countries.Should().HaveCountGreaterThanOrEqualTo(249);
        countries.Should().OnlyContain(c => c.Code.Length == 2 && c.Code3.Length == 3 && c.Name.Length > 0);
    }

    [TestCase("ES", "ESP", "Spain")]
    [TestCase("esp", "ESP", "Spain")]
    [TestCase(" de ", "DEU", "Germany")]
    [TestCase("GBR", "GBR", "United Kingdom")]
    public void A_country_is_found_by_alpha2_or_alpha3_code_in_any_case(string code, string expectedCode3, string expectedName)
    {
        var country = Geo.FindCountry(code);

        country.Should().NotBeNull();
        country!.Code3.Should().Be(expectedCode3);
        country.Name.Should().Be(expectedName);
    }

    [Test]
    public void A_country_can_be_found_with_its_spanish_name()
    {
        Geo.FindCountry("DE", "es")!.Name.Should().Be("Alemania");
    }

    [TestCase("")]
    [TestCase("XX")]
    [TestCase("SPAIN")]
    public void An_unknown_country_code_finds_nothing(string code)
    {
        Geo.FindCountry(code).Should().BeNull();
    }

    [Test]
    public void Provinces_and_cities_are_found_by_their_ids()
    {
        var madrid = Geo.SearchCities("28079", null).Single();

        Geo.FindCity(madrid.Id).Should().Be(madrid);
        Geo.FindProvince(madrid.ProvinceId)!.Name.Should().Be("Madrid");
        Geo.FindCity(Guid.NewGuid()).Should().BeNull();
        Geo.FindProvince(Guid.NewGuid()).Should().BeNull();
    }

    [TestCase("15030", "A Coruña")]
    [TestCase("25203", "La Seu d'Urgell")]
    [TestCase("35016", "Las Palmas de Gran Canaria")]
    [TestCase("03139", "Villajoyosa/la Vila Joiosa")]
    public void Municipality_names_put_the_article_first_as_people_write_them(string code, string expectedName)
    {
        Geo.SearchCities(code, null).Single().Name.Should().Be(expectedName);
    }
}
