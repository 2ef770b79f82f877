using System.Net;
using System.Text.Json.Nodes;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Platform;

public sealed class OpenApiTests : ApiFixture
{
    private JsonObject _document = null!;

    [OneTimeSetUp]
    public async Task LoadDocument() => _document = JsonNode.Parse(await Anonymous().GetStringAsync("/openapi.json"))!.AsObject();

    private JsonObject Schema(string name) => _document["components"]!["schemas"]![name]!.AsObject();

    private JsonObject Operation(string path, string method) => _document["paths"]![path]![method]!.AsObject();

    [Test]
    public void The_document_is_OpenAPI_3_1_with_a_bearer_scheme()
    {
        _document["openapi"]!.GetValue<string>().Should().StartWith("3.1");
        var scheme = _document["components"]!["securitySchemes"]!["Bearer"]!;
        scheme["type"]!.GetValue<string>().Should().Be("http");
        scheme["scheme"]!.GetValue<string>().Should().Be("bearer");
    }

    [Test]
    public void Schemas_use_the_wire_names()
    {
        var property = Schema("PropertyResponse")["properties"]!.AsObject().Select(p => p.Key);
        var calendar = Schema("CalendarResponse")["properties"]!.AsObject().Select(p => p.Key);

        property.Should().Contain(["account_id", "zip_code", "ses_establishment_code", "cover_image_url", "smart_locks", "ical_export_url"]);
        calendar.Should().Equal("channel", "url", "syncIntervalMinutes", "lastSyncAt", "lastError");
    }

    [Test]
    public void Secured_operations_require_the_bearer_scheme_and_public_ones_do_not()
    {
        Operation("/properties", "get")["security"]!.AsArray().Should().ContainSingle();
        Operation("/properties/{id}", "put")["security"].Should().NotBeNull();
        Operation("/auth/register", "post")["security"].Should().NotBeNull();
        Operation("/files/{id}", "get")["security"]!.AsArray().Should().BeEmpty();
    }

    [Test]
    public void Operations_have_stable_names()
    {
        Operation("/properties", "post")["operationId"]!.GetValue<string>().Should().Be("CreateProperty");
        Operation("/properties/{id}/cover-image", "post")["operationId"]!.GetValue<string>().Should().Be("UploadCoverImage");
    }

    [Test]
    public async Task The_yaml_document_and_the_reference_ui_are_served()
    {
        var yaml = await Anonymous().GetStringAsync("/openapi.yaml");
        var scalar = await Anonymous().GetAsync("/scalar");

        yaml.Should().StartWith("openapi: '3.1");
        scalar.StatusCode.Should().Be(HttpStatusCode.OK);
        (await scalar.Content.ReadAsStringAsync()).Should().Contain("Kasify API");
    }
}

public sealed class OpenApiRateLimitTests : ApiFixture
{
    [Test]
    public async Task The_document_is_limited_to_10_requests_a_minute_per_client()
    {
        var client = Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++) statuses.Add((await client.GetAsync("/openapi.json")).StatusCode);

        statuses.Take(10).Should().OnlyContain(s => s == HttpStatusCode.OK);
        statuses[10].Should().Be(HttpStatusCode.TooManyRequests);
    }
}
