using System.Text.Json.Nodes;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.WebApi.OpenApi;

namespace Kasify.FunctionalTests.Platform;

/// <summary>
/// The document against the published reference: its tags and summaries, and details every operation must carry
/// (4xx problems, explicit security, described parameters, example bodies). The walks cover every operation, so a
/// new endpoint without them fails here; docs/development.md says how to document one.
/// </summary>
public sealed class OpenApiReferenceTests : ApiFixture
{
    private static readonly string[] PublishedTags =
    [
        "AccessCodes", "Account", "Auth", "Bookings", "Calendar", "Checkin", "Geo", "Guests", "Integrations", "Properties",
        "PropertyMembers", "SmartLocks", "Tasks", "Timeline", "Users",
    ];

    private JsonObject _document = null!;
    private List<(string Path, string Method, JsonObject Operation)> _operations = null!;

    [OneTimeSetUp]
    public async Task LoadDocument()
    {
        _document = JsonNode.Parse(await Anonymous().GetStringAsync("/openapi.json"))!.AsObject();
        _operations = _document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(m => m.Key is "get" or "put" or "post" or "delete" or "patch")
                .Select(m => (path.Key, m.Key, m.Value!.AsObject())))
            .ToList();
    }

    private static string Name((string Path, string Method, JsonObject Operation) op) => $"{op.Method.ToUpperInvariant()} {op.Path}";

    [Test]
    public void Every_operation_has_one_listed_tag_and_a_summary()
    {
        var listed = ApiTags.All.Select(t => t.Name).ToHashSet();

        _operations.Should().NotBeEmpty();
        foreach (var op in _operations)
        {
            var tags = op.Operation["tags"]?.AsArray().Select(t => t!.GetValue<string>()).ToList() ?? [];
            tags.Should().ContainSingle($"{Name(op)} has exactly one tag").Which.Should().BeOneOf(listed, $"{Name(op)} uses a tag of ApiTags");
            op.Operation["summary"]?.GetValue<string>().Should().NotBeNullOrWhiteSpace($"{Name(op)} needs a summary");
        }
    }

    [Test]
    public void The_document_lists_the_published_tags_each_with_a_description()
    {
        var tags = _document["tags"]!.AsArray().Select(t => t!.AsObject()).ToList();

        tags.Select(t => t["name"]!.GetValue<string>()).Should().Contain(PublishedTags);
        tags.Should().OnlyContain(t => !string.IsNullOrWhiteSpace(t["description"]!.GetValue<string>()));
    }

    [TestCase("post", "/bookings/{bookingId}/accesscode", "AccessCodes", "Create digital access codes for a booking")]
    [TestCase("delete", "/bookings/{bookingId}/accesscode/{codeId}", "AccessCodes", "Revoke a digital access code")]
    [TestCase("get", "/account", "Account", "Get the user's account")]
    [TestCase("put", "/account", "Account", "Update the user's account")]
    [TestCase("post", "/auth/register", "Auth", "Register the authenticated user")]
    [TestCase("get", "/properties/{id}/bookings/current", "Bookings", "Get the current booking for a property")]
    [TestCase("get", "/properties/{id}/bookings", "Bookings", "List bookings for a property")]
    [TestCase("post", "/properties/{id}/bookings", "Bookings", "Create a booking for a property")]
    [TestCase("get", "/bookings", "Bookings", "List bookings across all properties the caller can access")]
    [TestCase("get", "/bookings/{id}", "Bookings", "Get a booking by id")]
    [TestCase("patch", "/bookings/{id}", "Bookings", "Update a booking")]
    [TestCase("get", "/properties/{id}/calendar", "Calendar", "List calendar events for a property")]
    [TestCase("get", "/calendar/upcoming", "Calendar", "List upcoming calendar events across accessible properties")]
    [TestCase("get", "/checkin/{code}", "Checkin", "Get the guest check-in snapshot for a booking")]
    [TestCase("post", "/checkin/{code}/guests", "Checkin", "Register a guest on a booking")]
    [TestCase("get", "/geo/countries", "Geo", "Search countries")]
    [TestCase("get", "/geo/provinces", "Geo", "Search provinces")]
    [TestCase("get", "/geo/cities", "Geo", "Search cities")]
    [TestCase("get", "/guests", "Guests", "List guests registered under the caller's account")]
    [TestCase("get", "/integrations", "Integrations", "List all integrations configured for the account")]
    [TestCase("get", "/integrations/{type}", "Integrations", "List integrations of a specific type")]
    [TestCase("get", "/integrations/{id}/nuki/smartlocks", "Integrations", "List Nuki smart locks reachable through an integration")]
    [TestCase("get", "/integrations/{id}/unifi/doors", "Integrations", "List Unifi doors reachable through an integration")]
    [TestCase("get", "/properties", "Properties", "List properties accessible to the caller")]
    [TestCase("post", "/properties", "Properties", "Create a property")]
    [TestCase("get", "/properties/{id}", "Properties", "Get a property by id")]
    [TestCase("put", "/properties/{id}", "Properties", "Update a property")]
    [TestCase("delete", "/properties/{id}", "Properties", "Delete a property")]
    [TestCase("post", "/properties/{id}/cover-image", "Properties", "Upload a cover image for a property")]
    [TestCase("delete", "/properties/{id}/cover-image", "Properties", "Remove the cover image for a property")]
    [TestCase("get", "/properties/{id}/invitations", "PropertyMembers", "List invitations for a property")]
    [TestCase("post", "/properties/{id}/invitations", "PropertyMembers", "Create a crew invitation for a property")]
    [TestCase("get", "/properties/{id}/crew", "PropertyMembers", "List crew members for a property")]
    [TestCase("delete", "/properties/{id}/crew/{userId}", "PropertyMembers", "Remove a crew member from a property")]
    [TestCase("patch", "/properties/{id}/crew/{userId}", "PropertyMembers", "Update a crew member's access level")]
    [TestCase("delete", "/properties/{id}/invitations/{invitationId}", "PropertyMembers", "Revoke an invitation")]
    [TestCase("post", "/invitations/{token}/accept", "PropertyMembers", "Accept a crew invitation")]
    [TestCase("get", "/properties/{propertyId}/smart-locks", "SmartLocks", "List smart locks for a property with live status")]
    [TestCase("post", "/properties/{propertyId}/smart-locks", "SmartLocks", "Add a smart lock to a property")]
    [TestCase("delete", "/properties/{propertyId}/smart-locks/{lockId}", "SmartLocks", "Remove a smart lock from a property")]
    [TestCase("get", "/tasks", "Tasks", "List tasks")]
    [TestCase("post", "/tasks", "Tasks", "Create a task")]
    [TestCase("get", "/tasks/{id}", "Tasks", "Get a task by id")]
    [TestCase("delete", "/tasks/{id}", "Tasks", "Delete a task")]
    [TestCase("patch", "/tasks/{id}", "Tasks", "Update a task")]
    [TestCase("post", "/tasks/{id}/start", "Tasks", "Start a task")]
    [TestCase("post", "/tasks/{id}/complete", "Tasks", "Complete a task")]
    [TestCase("get", "/properties/{id}/tasks", "Tasks", "List tasks for a property")]
    [TestCase("get", "/public/tasks/{token}", "Tasks", "Get a task by public token (no auth)")]
    [TestCase("get", "/timeline/upcoming", "Timeline", "Upcoming timeline grouped by day")]
    [TestCase("get", "/timeline/activity", "Timeline", "Paginated activity feed")]
    [TestCase("get", "/users", "Users", "List every user (admin only)")]
    public void A_published_operation_has_the_published_tag_and_summary(string method, string path, string tag, string summary)
    {
        var operation = _document["paths"]![path]?[method]?.AsObject();

        operation.Should().NotBeNull($"{method.ToUpperInvariant()} {path} is published");
        operation!["tags"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal(tag);
        operation["summary"]!.GetValue<string>().Should().Be(summary);
    }

    [TestCase("post", "/integrations/nuki", "Create an integration of a specific type (nuki)")]
    [TestCase("put", "/integrations/unifi/{id}", "Update an integration (unifi)")]
    [TestCase("delete", "/integrations/ses/{id}", "Delete an integration (ses)")]
    public void Each_integration_type_route_keeps_the_published_summary_and_names_its_type(string method, string path, string summary) =>
        _document["paths"]![path]![method]!["summary"]!.GetValue<string>().Should().Be(summary);

    [Test]
    public void Every_operation_documents_its_4xx_answers_as_problem_details()
    {
        foreach (var op in _operations)
        {
            var failures = op.Operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')).ToList();
            failures.Should().NotBeEmpty($"{Name(op)} documents its 4xx answers");
            foreach (var (status, response) in failures)
                response!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>()
                    .Should().Be("#/components/schemas/ProblemDetails", $"{Name(op)} answers {status} with a problem");
        }
    }

    [Test]
    public void Secured_operations_document_401_403_and_public_ones_say_security_is_empty()
    {
        foreach (var op in _operations)
        {
            var security = op.Operation["security"]?.AsArray();
            security.Should().NotBeNull($"{Name(op)} states its security explicitly");
            var responses = op.Operation["responses"]!.AsObject();
            if (security!.Count == 0) responses.Should().NotContainKey("401", $"{Name(op)} is public");
            else responses.Should().ContainKey("401", $"{Name(op)} needs a token");
        }
        Operation("/checkin/{code}", "get")["security"]!.AsArray().Should().BeEmpty();
        Operation("/geo/countries", "get")["security"]!.AsArray().Should().BeEmpty();
        Operation("/properties/{id}", "delete")["responses"]!.AsObject().Select(r => r.Key).Should().Contain(["401", "403", "404", "429"]);
        Operation("/auth/register", "post")["responses"]!.AsObject().Should().NotContainKey("403", "any valid token may register");
    }

    [Test]
    public void Specific_refusals_are_documented_where_the_handler_gives_them()
    {
        Operation("/checkin/{code}/guests", "post")["responses"]!.AsObject().Select(r => r.Key).Should().Contain(["400", "404", "409", "410", "429"]);
        Operation("/properties/{id}/cover-image", "post")["responses"]!.AsObject().Select(r => r.Key).Should().Contain(["413", "415"]);
        Operation("/integrations/nuki", "post")["responses"]!.AsObject().Select(r => r.Key).Should().Contain(["409", "422"]);
        Operation("/tasks/{id}/start", "post")["responses"]!.AsObject().Should().ContainKey("409");
    }

    [Test]
    public void Every_parameter_has_a_description_and_query_names_are_as_published()
    {
        foreach (var op in _operations)
        foreach (var parameter in op.Operation["parameters"]?.AsArray() ?? [])
            parameter!["description"]?.GetValue<string>().Should().NotBeNullOrWhiteSpace($"{Name(op)} describes '{parameter["name"]}'");

        var bookingQuery = Operation("/bookings", "get")["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());
        bookingQuery.Should().Contain(["from", "to", "channel", "query", "status", "sortBy", "sortDescending", "page", "size", "propertyId"]);
        Operation("/properties/{id}", "get")["parameters"]![0]!["schema"]!["format"]!.GetValue<string>().Should().Be("uuid");
    }

    [Test]
    public void Every_json_request_body_has_an_example()
    {
        foreach (var op in _operations)
            if (op.Operation["requestBody"]?["content"]?["application/json"] is { } json)
                json["example"].Should().NotBeNull($"{Name(op)} shows an example body");

        var upload = Operation("/properties/{id}/cover-image", "post")["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!;
        upload["properties"]!["file"]!["format"]!.GetValue<string>().Should().Be("binary");
    }

    [Test]
    public void Request_schemas_require_only_the_fields_the_server_insists_on()
    {
        Schema("PropertyRequest")["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().BeEquivalentTo(["name", "address", "city", "zip_code"]);
        Schema("BookingRequest")["required"].Should().BeNull("PATCH sends any subset");
        Schema("TaskChange")["properties"]!.AsObject().Should().NotContainKey("only_job_report", "it is computed, never read");
        Operation("/bookings/{id}", "patch")["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>()
            .Should().Be("#/components/schemas/BookingRequest");
    }

    [Test]
    public void The_calendar_export_says_it_answers_text_calendar() =>
        Operation("/properties/{id}/calendar.ics", "get")["responses"]!["200"]!["content"]!.AsObject().Should().ContainKey("text/calendar");

    [Test]
    public void The_server_url_has_no_trailing_slash()
    {
        var servers = _document["servers"]!.AsArray().Select(s => s!["url"]!.GetValue<string>()).ToList();

        servers.Should().NotBeEmpty().And.OnlyContain(url => !url.EndsWith('/'));
    }

    [Test]
    public async Task The_reference_ui_opens_with_the_bearer_scheme_preselected()
    {
        var html = await Anonymous().GetStringAsync("/scalar/");

        html.Should().Contain("preferredSecurityScheme").And.Contain("\"Bearer\"");
    }

    private JsonObject Operation(string path, string method) => _document["paths"]![path]![method]!.AsObject();

    private JsonObject Schema(string name) => _document["components"]!["schemas"]![name]!.AsObject();
}

public sealed class OpenApiBehindProxyTests : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["PublicBaseUrl"] = "https://api.kasify.example/" };

    [Test]
    public async Task The_server_url_is_the_configured_public_base_url_without_its_trailing_slash()
    {
        var document = JsonNode.Parse(await Anonymous().GetStringAsync("/openapi.json"))!;

        document["servers"]!.AsArray().Select(s => s!["url"]!.GetValue<string>()).Should().Equal("https://api.kasify.example");
    }
}
