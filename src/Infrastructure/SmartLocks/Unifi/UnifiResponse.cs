using System.Text.Json;
using Kasify.Application.SmartLocks.Vendors;

namespace Kasify.Infrastructure.SmartLocks.Unifi;

// The {code, msg, data} envelope every UniFi Access developer API answer carries (vendors.md §2.2).
internal sealed record UnifiResponse(int HttpStatus, string? Code, string? Message, JsonElement Data)
{
    public const string SuccessCode = "SUCCESS";

    public bool IsSuccess => HttpStatus is >= 200 and < 300 && (Code is null || Code == SuccessCode);

    public static async Task<UnifiResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(body))
        {
            return new UnifiResponse(status, null, null, default);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new UnifiResponse(status, null, null, default);
            }

            return new UnifiResponse(
                status,
                ReadString(root, "code"),
                Capped(ReadString(root, "msg") ?? ReadString(root, "message")),
                root.TryGetProperty("data", out var data) ? data.Clone() : default);
        }
        catch (JsonException)
        {
            return new UnifiResponse(status, null, null, default);
        }
    }

    public UnifiResponse EnsureSuccess()
    {
        if (IsSuccess)
        {
            return this;
        }

        var reason = Code is null
            ? $"UniFi Access answered HTTP {HttpStatus}."
            : $"{Code}: {Message ?? "no message"} (HTTP {HttpStatus})";
        throw new VendorException(SmartLockVendorNames.Unifi, Kind(), reason);
    }

    public T DataAs<T>(JsonSerializerOptions options) =>
        Data.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
            ? throw new VendorException(SmartLockVendorNames.Unifi, VendorErrorKind.Transient, "UniFi Access returned no data.")
            : Data.Deserialize<T>(options)
              ?? throw new VendorException(SmartLockVendorNames.Unifi, VendorErrorKind.Transient, "UniFi Access returned no data.");

    private VendorErrorKind Kind() => Code switch
    {
        "CODE_UNAUTHORIZED" or "CODE_ACCESS_TOKEN_INVALID" or "CODE_AUTH_FAILED" or "CODE_OPERATION_FORBIDDEN"
            => VendorErrorKind.Unauthorized,
        "CODE_RESOURCE_NOT_FOUND" or "CODE_NOT_EXISTS" or "CODE_DEVICE_DEVICE_NOT_FOUND" => VendorErrorKind.NotFound,
        "CODE_SYSTEM_ERROR" or "CODE_DEVICE_DEVICE_BUSY" or "CODE_DEVICE_DEVICE_OFFLINE" => VendorErrorKind.Transient,
        _ when HttpStatus is 401 or 403 or 404 or 408 or 429 or >= 500 => VendorHttp.KindForStatus(HttpStatus),
        _ => VendorErrorKind.Rejected,
    };

    // The message is quoted back to API callers: a console decides its content, we decide its length.
    private static string? Capped(string? message) => message is { Length: > 200 } ? message[..200] + "…" : message;

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
