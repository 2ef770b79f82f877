using System.Text.Json.Nodes;
using WireMock;

namespace Kasify.TestFakes.SmartLocks;

// Error bodies copied from vendors.md §1.8.
internal static class FakeNukiErrors
{
    public const string RestletUnprocessableDescription =
        "The server understands the content type of the request entity and the syntax of the request entity is correct " +
        "but was unable to process the contained instructions";

    public static IResponseMessage InvalidParameter(string parameter, string? suppliedValue) =>
        WireMockHttp.Json(400, new JsonObject
        {
            ["detailMessage"] = $"The supplied value '{suppliedValue ?? "null"}' for parameter '{parameter}' is not valid",
            ["stackTrace"] = new JsonArray(),
            ["suppressedExceptions"] = new JsonArray(),
        });

    public static IResponseMessage Unprocessable() =>
        WireMockHttp.Json(422, new JsonObject
        {
            ["code"] = 422,
            ["description"] = RestletUnprocessableDescription,
            ["homeRef"] = "/",
            ["reasonPhrase"] = "Unprocessable Entity",
            ["uri"] = "http://www.webdav.org/specs/rfc2518.html#STATUS_422",
        });
}
