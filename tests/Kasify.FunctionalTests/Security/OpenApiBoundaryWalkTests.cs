using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Security;

/// <summary>
/// Issue 10, item 4: walks every operation of the OpenAPI document, each parameter and each body field at the edges of
/// its type (dates, integers, GUIDs, strings), plus garbage bodies. Whatever comes back, never a 5xx.
/// </summary>
public sealed class OpenApiBoundaryWalkTests : ApiFixture
{
    private static readonly string LongText = new('x', 5000);
    private static readonly string[] Weird = ["' OR 1=1 --", "%00\u0000", "../../etc/passwd", "😀", " "];

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:Checkin"] = "1000000",
        ["RateLimits:Geo"] = "1000000",
        ["RateLimits:OpenApi"] = "1000000",
        ["RateLimits:PublicTask"] = "1000000",
        ["Calendars:AllowPrivateAddresses"] = "false",
        ["SmartLocks:AllowPrivateAddresses"] = "false",
        ["SmartLocks:Nuki:BaseUrl"] = "http://127.0.0.1:9",
        ["SmartLocks:Nuki:Timeout"] = "00:00:01",
        ["Ses:TestUrl"] = "http://127.0.0.1:9/ses",
        ["Ses:ProductionUrl"] = "http://127.0.0.1:9/ses",
    };

    private JsonObject _document = null!;
    private TestUser _owner = null!;
    private readonly Dictionary<string, string> _realValues = new();

    [OneTimeSetUp]
    public async Task AnOwnerWithAPropertyABookingAndATask()
    {
        _document = JsonNode.Parse(await Anonymous().GetStringAsync("/openapi.json"))!.AsObject();
        _owner = await RegisterAsync();
        var propertyId = await _owner.CreatePropertyAsync();
        var booking = await _owner.BookAsync(propertyId, "2026-06-10", "2026-06-12");
        var task = await (await _owner.Client.PostJsonAsync("/tasks", new { property_id = propertyId, task_type = "pool", from = "2026-06-10T10:00:00Z", to = "2026-06-10T12:00:00Z" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        _realValues["id"] = propertyId.ToString();
        _realValues["propertyId"] = propertyId.ToString();
        _realValues["bookingId"] = booking["id"]!.ToString();
        _realValues["code"] = booking["checkin_code"]!.ToString();
        _realValues["userId"] = _owner.Id.ToString();
        _realValues["task"] = task["id"]!.ToString();
    }

    [Test]
    public async Task No_operation_answers_a_5xx_to_boundary_values_or_garbage()
    {
        var failures = new List<string>();
        var requests = 0;
        var operations = Operations().OrderBy(o => o.Method == "delete").ToList(); // deletes last: they may remove the fixtures
        operations.Should().HaveCountGreaterThan(40, "the walk must cover the whole API");

        foreach (var op in operations)
        foreach (var request in Variants(op))
        {
            requests++;
            using var message = request.Build();
            var response = await _owner.Client.SendAsync(message);
            if ((int)response.StatusCode >= 500)
                failures.Add($"{op.Method.ToUpperInvariant()} {message.RequestUri} [{request.Description}] → {(int)response.StatusCode}");
        }

        TestContext.Out.WriteLine($"{requests} requests over {operations.Count} operations");
        failures.Should().BeEmpty();
    }

    private sealed record Operation(string Method, string Path, JsonObject Node);

    private sealed record WalkRequest(string Description, Func<HttpRequestMessage> Build);

    private IEnumerable<Operation> Operations() =>
        from path in _document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where method.Key is "get" or "post" or "put" or "patch" or "delete"
        select new Operation(method.Key, path.Key, method.Value!.AsObject());

    private IEnumerable<WalkRequest> Variants(Operation op)
    {
        var parameters = (op.Node["parameters"]?.AsArray() ?? []).Select(p => Resolve(p!)).ToList();
        var defaults = parameters.ToDictionary(p => p["name"]!.GetValue<string>(), p => DefaultFor(op, p));

        yield return Request(op, defaults, "defaults", BodyFor(op, "{}"));
        foreach (var parameter in parameters)
        {
            var name = parameter["name"]!.GetValue<string>();
            var inPath = parameter["in"]!.GetValue<string>() == "path";
            foreach (var value in Boundaries(parameter["schema"]!).Where(v => !inPath || v?.Contains('\0') != true)) // TestServer refuses NUL in paths
            {
                var values = new Dictionary<string, string?>(defaults) { [name] = value };
                yield return Request(op, values, $"{name}={Shorten(value)}", BodyFor(op, "{}"));
            }
        }

        if (op.Node["requestBody"]?["content"] is not JsonObject content) yield break;
        foreach (var (mediaType, media) in content)
        {
            if (mediaType.Contains("json"))
            {
                yield return Request(op, defaults, "garbage json", () => new StringContent("\u0000{{[[\"", Encoding.UTF8, "application/json"));
                yield return Request(op, defaults, "json array", () => new StringContent("[1,2,3]", Encoding.UTF8, "application/json"));
                foreach (var profile in new[] { "min", "max", "weird" })
                {
                    var body = BodyFrom(media!["schema"], profile, depth: 0);
                    yield return Request(op, defaults, $"{profile} body", () => new StringContent(body?.ToJsonString() ?? "null", Encoding.UTF8, "application/json"));
                }
            }
            else if (mediaType.StartsWith("multipart/"))
            {
                yield return Request(op, defaults, "garbage multipart", () =>
                {
                    var garbage = new ByteArrayContent(Encoding.UTF8.GetBytes("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\n\u0000\u0001--x"));
                    garbage.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");
                    return garbage;
                });
                yield return Request(op, defaults, "multipart without boundary", () =>
                {
                    var garbage = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0x00]);
                    garbage.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
                    return garbage;
                });
            }
        }
    }

    private Func<HttpContent>? BodyFor(Operation op, string json) =>
        op.Node["requestBody"]?["content"]?.AsObject().Any(c => c.Key.Contains("json")) == true
            ? () => new StringContent(json, Encoding.UTF8, "application/json")
            : null;

    private static WalkRequest Request(Operation op, IReadOnlyDictionary<string, string?> values, string description, Func<HttpContent>? body) =>
        new(description, () =>
        {
            var path = op.Path;
            var query = new List<string>();
            foreach (var (name, value) in values)
            {
                if (path.Contains("{" + name + "}")) path = path.Replace("{" + name + "}", Uri.EscapeDataString(value ?? ""));
                else if (value is not null) query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
            }
            var url = query.Count == 0 ? path : path + "?" + string.Join("&", query);
            return new HttpRequestMessage(new HttpMethod(op.Method.ToUpperInvariant()), url) { Content = body?.Invoke() };
        });

    private string? DefaultFor(Operation op, JsonObject parameter)
    {
        var name = parameter["name"]!.GetValue<string>();
        if (parameter["in"]!.GetValue<string>() != "path") return null;
        if (op.Method == "delete") return Guid.NewGuid().ToString(); // never delete the walk's own fixtures
        if (op.Path.StartsWith("/tasks/{id}")) return _realValues["task"];
        if (op.Path.StartsWith("/bookings/{id}")) return _realValues["bookingId"];
        return _realValues.TryGetValue(name, out var real) ? real : "x";
    }

    private IEnumerable<string?> Boundaries(JsonNode schema)
    {
        var (type, format) = TypeOf(schema);
        return (type, format) switch
        {
            ("string", "date") => ["0001-01-01", "9999-12-31", "9999-12-15", "2026-02-30", "garbage"],
            ("string", "date-time") => ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "garbage"],
            ("string", "uuid") => [Guid.Empty.ToString(), "ffffffff-ffff-ffff-ffff-ffffffffffff", Guid.NewGuid().ToString(), "not-a-guid"],
            ("integer", _) or ("number", _) => ["2147483647", "-2147483648", "-1", "0", "99999999999", "1e400", "abc"],
            ("boolean", _) => ["true", "maybe"],
            _ => ["", LongText, .. Weird],
        };
    }

    private JsonNode? BodyFrom(JsonNode? schema, string profile, int depth)
    {
        if (schema is null || depth > 3) return null;
        var resolved = Resolve(schema);
        var (type, format) = TypeOf(resolved);
        switch (type)
        {
            case "object":
                var result = new JsonObject();
                foreach (var (name, property) in resolved["properties"]?.AsObject() ?? [])
                    result[name] = BodyFrom(property, profile, depth + 1);
                return result;
            case "array":
                return profile == "min" ? new JsonArray() : new JsonArray(BodyFrom(resolved["items"], profile, depth + 1));
            case "integer":
                return profile switch { "min" => int.MinValue, "max" => int.MaxValue, _ => -1 };
            case "number":
                return profile switch { "min" => -1e300, "max" => 1e300, _ => -1 };
            case "boolean":
                return profile == "max";
        }
        return (format, profile) switch
        {
            ("date", "min") => "0001-01-01",
            ("date", "max") => "9999-12-31",
            ("date", _) => "9999-12-15",
            ("date-time", "min") => "0001-01-01T00:00:00Z",
            ("date-time", "max") => "9999-12-31T23:59:59Z",
            ("date-time", _) => "9999-12-31T23:59:59+14:00",
            ("uuid", "min") => Guid.Empty.ToString(),
            ("uuid", _) => "ffffffff-ffff-ffff-ffff-ffffffffffff",
            (_, "min") => "",
            (_, "max") => LongText,
            _ => Weird[depth % Weird.Length],
        };
    }

    private JsonObject Resolve(JsonNode schema)
    {
        var node = schema.AsObject();
        for (var i = 0; i < 10 && node["$ref"] is { } reference; i++)
            node = _document["components"]!["schemas"]![reference.GetValue<string>().Split('/').Last()]!.AsObject();
        if ((node["oneOf"] ?? node["anyOf"]) is JsonArray choices)
        {
            var first = choices.FirstOrDefault(c => c!["type"]?.ToString() != "null");
            if (first is not null) return Resolve(first);
        }
        return node;
    }

    private (string Type, string? Format) TypeOf(JsonNode schema)
    {
        var node = Resolve(schema);
        var type = node["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "string",
            JsonValue value => value.GetValue<string>(),
            _ => node["properties"] is not null ? "object" : "string",
        };
        return (type, node["format"]?.GetValue<string>());
    }

    private static string Shorten(string? value) => value is { Length: > 20 } ? value[..20] + "…" : value ?? "null";
}
