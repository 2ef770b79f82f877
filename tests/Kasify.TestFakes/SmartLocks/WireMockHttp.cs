using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Kasify.TestFakes.SmartLocks;

// Plumbing shared by the fakes: one catch-all WireMock mapping that hands every request to a C# handler.
internal static class WireMockHttp
{
    public static WireMockServer StartCatchAll(
        bool useHttps, TimeProvider time, Func<IRequestMessage, Task<IResponseMessage>> handler)
    {
        var settings = new WireMockServerSettings { UseSSL = useHttps, StartAdminInterface = false };
        if (useHttps)
        {
            settings.CertificateSettings = new WireMockCertificateSettings
            {
                X509Certificate = SelfSignedCertificate.CreateForLocalhost(time),
            };
        }

        var server = WireMockServer.Start(settings);
        server
            .Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(handler));
        return server;
    }

    public static RecordedRequest Record(IRequestMessage request) => new(
        request.Method.ToUpperInvariant(),
        request.Path,
        request.RawQuery ?? string.Empty,
        (request.Headers ?? new Dictionary<string, WireMockList<string>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value)),
        request.Body);

    public static string? BearerToken(RecordedRequest request)
    {
        var header = request.Authorization;
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;
    }

    public static Dictionary<string, string> ParseQuery(string rawQuery) =>
        rawQuery.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .GroupBy(parts => Uri.UnescapeDataString(parts[0]), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Uri.UnescapeDataString(g.First().ElementAtOrDefault(1) ?? string.Empty));

    public static JsonObject? ParseObject(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public static IResponseMessage Json(int status, JsonNode? body, IDictionary<string, string>? headers = null)
    {
        var response = new ResponseMessage { StatusCode = status };
        if (body is not null)
        {
            response.BodyData = new BodyData
            {
                BodyAsString = body.ToJsonString(),
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            };
            response.AddHeader("Content-Type", "application/json");
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.AddHeader(name, value);
        }

        return response;
    }

    public static IResponseMessage Empty(int status) => new ResponseMessage { StatusCode = status };
}
