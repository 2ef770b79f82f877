using System.Text.Json.Nodes;
using WireMock;

namespace Kasify.TestFakes.SmartLocks;

// Every FakeUnifi answer uses the {code, msg, data} envelope (vendors.md §2.2).
internal static class FakeUnifiEnvelope
{
    public static IResponseMessage Success(JsonNode? data, JsonObject? pagination = null)
    {
        var body = new JsonObject { ["code"] = "SUCCESS", ["msg"] = "success", ["data"] = data };
        if (pagination is not null)
        {
            body["pagination"] = pagination;
        }
        return WireMockHttp.Json(200, body);
    }

    public static IResponseMessage Error(int status, string code, string message) =>
        WireMockHttp.Json(status, new JsonObject { ["code"] = code, ["msg"] = message });

    public static IResponseMessage Unauthorized() => Error(401, "CODE_UNAUTHORIZED", "Unauthorized.");

    public static IResponseMessage NotFound() => Error(404, "CODE_RESOURCE_NOT_FOUND", "Resource not found.");

    public static IResponseMessage InvalidParams() => Error(400, "CODE_PARAMS_INVALID", "Invalid parameters.");

    public static IResponseMessage PinAlreadyExists() =>
        Error(400, "CODE_CREDS_PIN_CODE_CREDS_ALREADY_EXIST", "The PIN code already exists.");

    public static IResponseMessage PinLengthInvalid() =>
        Error(400, "CODE_CREDS_PIN_CODE_CREDS_LENGTH_INVALID", "The PIN code length does not match the configured length.");
}
