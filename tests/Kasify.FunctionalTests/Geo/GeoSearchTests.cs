using System.Net;
using System.Text.Json.Nodes;
using Kasify.FunctionalTests.Checkin;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Geo;

public sealed class GeoSearchTests : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:Geo"] = "1000" };

    private async Task<JsonArray> GetArrayAsync(string url)
    {
        var response = await Anonymous().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsArray();
    }

    [Test]
    public async Task Countries_match_names_without_accents_and_codes_in_either_language()
    {
        var spanish = await GetArrayAsync("/geo/countries?q=espana&lang=es");
        var byCode = await GetArrayAsync("/geo/countries?q=fra");
        var all = await GetArrayAsync("/geo/countries");

        spanish[0]!.AsObject().Select(p => p.Key).Should().Equal("code", "code3", "name");
        spanish[0]!["code"]!.GetValue<string>().Should().Be("ES");
        spanish[0]!["code3"]!.GetValue<string>().Should().Be("ESP");
        spanish[0]!["name"]!.GetValue<string>().Should().Be("España");
        byCode[0]!["code"]!.GetValue<string>().Should().Be("FR");
        all.Count.Should().BeGreaterThan(240);
    }

    [Test]
    public async Task Provinces_match_prefixes_and_accents()
    {
        var provinces = await GetArrayAsync("/geo/provinces?q=CORD");
        var all = await GetArrayAsync("/geo/provinces?country=ES");

        provinces.Select(p => p!["name"]!.GetValue<string>()).Should().Contain("Córdoba");
        provinces[0]!.AsObject().Select(p => p.Key).Should().Equal("id", "code", "name");
        all.Should().HaveCount(52);
        (await GetArrayAsync("/geo/provinces?country=FR")).Should().BeEmpty();
    }

    [Test]
    public async Task Cities_are_searched_within_a_province_and_capped_at_50()
    {
        var madrid = await GetArrayAsync($"/geo/cities?q=madr&province_id={GuestBodies.MadridProvinceId}");
        var avila = await GetArrayAsync("/geo/cities?q=avila");
        var many = await GetArrayAsync("/geo/cities?q=a");

        madrid[0]!.AsObject().Select(p => p.Key).Should().Equal("id", "code", "name", "province_id");
        madrid[0]!["code"]!.GetValue<string>().Should().Be("28079");
        madrid[0]!["id"]!.GetValue<string>().Should().Be(GuestBodies.MadridCityId);
        madrid.Should().AllSatisfy(c => c!["province_id"]!.GetValue<string>().Should().Be(GuestBodies.MadridProvinceId));
        avila.Select(c => c!["name"]!.GetValue<string>()).Should().Contain("Ávila");
        many.Should().HaveCount(50);
    }

    [Test]
    public async Task Bad_parameters_are_400_problems()
    {
        await (await Anonymous().GetAsync("/geo/countries?lang=de")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await Anonymous().GetAsync("/geo/cities?province_id=not-a-guid")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class GeoRateLimitTests : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:Geo"] = "5" };

    [Test]
    public async Task Geo_searches_beyond_the_limit_get_429_with_Retry_After()
    {
        for (var i = 0; i < 5; i++)
            (await Anonymous().GetAsync("/geo/provinces?q=mad")).StatusCode.Should().Be(HttpStatusCode.OK);

        var limited = await Anonymous().GetAsync("/geo/countries?q=es");

        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeGreaterThan(0);
    }
}
