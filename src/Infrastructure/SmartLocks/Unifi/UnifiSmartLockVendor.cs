using Kasify.Application.SmartLocks.Vendors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kasify.Infrastructure.SmartLocks.Unifi;

// UniFi Access developer API (vendors.md §2). An access code is a one-time visitor for one door
// (valid every day between start and end) with a PIN; the visitor id is our external code id and
// AccessCodeRequest.Name is kept in the visitor's remarks so FindCodeAsync can match it.
internal sealed class UnifiSmartLockVendor(
    UnifiApiClient api,
    IOptions<UnifiOptions> options,
    ILogger<UnifiSmartLockVendor> logger) : ISmartLockVendor
{
    private const string PinAlreadyExists = "CODE_CREDS_PIN_CODE_CREDS_ALREADY_EXIST";
    private const int VisitorPageSize = 100;
    private const int MaxVisitorPages = 50;

    public string Vendor => SmartLockVendorNames.Unifi;

    public async Task<VendorValidationResult> ValidateAsync(IntegrationCredentials credentials, CancellationToken cancellationToken = default)
    {
        try
        {
            await ListDevicesAsync(credentials, cancellationToken);
            return VendorValidationResult.Ok();
        }
        catch (VendorException ex) when (ex.Kind == VendorErrorKind.Transient)
        {
            return VendorValidationResult.Unavailable(ex.Reason);
        }
        catch (VendorException ex)
        {
            return VendorValidationResult.Rejected(ex.Reason);
        }
    }

    public async Task<IReadOnlyList<VendorDevice>> ListDevicesAsync(
        IntegrationCredentials credentials, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(credentials, HttpMethod.Get, "doors", body: null, cancellationToken);
        return response.EnsureSuccess().DataAs<List<UnifiDoor>>(UnifiApiClient.JsonOptions).Select(ToDevice).ToList();
    }

    public async Task<VendorDevice> GetDeviceStatusAsync(
        IntegrationCredentials credentials, string externalId, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(credentials, HttpMethod.Get, $"doors/{Escape(externalId)}", body: null, cancellationToken);
        return ToDevice(response.EnsureSuccess().DataAs<UnifiDoor>(UnifiApiClient.JsonOptions));
    }

    public async Task<CodeCreateResult> CreateCodeAsync(
        IntegrationCredentials credentials, string externalId, AccessCodeRequest request, CancellationToken cancellationToken = default)
    {
        var created = await SendAsync(credentials, HttpMethod.Post, "visitors", new
        {
            first_name = OrDefault(request.GuestFirstName, "Guest"),
            last_name = OrDefault(request.GuestLastName, request.Name),
            remarks = request.Name,
            start_time = request.ValidFromUtc.ToUnixTimeSeconds(),
            end_time = request.ValidUntilUtc.ToUnixTimeSeconds(),
            visit_reason = "Others",
            resources = new[] { new { id = externalId, type = "door" } },
        }, cancellationToken);
        var visitorId = created.EnsureSuccess().DataAs<UnifiVisitor>(UnifiApiClient.JsonOptions).Id;

        try
        {
            var pin = await AssignPinAsync(credentials, visitorId, request.Pin, cancellationToken);
            return new CodeCreateResult.Created(visitorId, pin);
        }
        catch (Exception ex) when (ex is VendorException or OperationCanceledException)
        {
            // Do not leave a visitor without a PIN behind; a later retry creates a fresh one.
            await TryDeleteVisitorAsync(credentials, visitorId);
            throw;
        }
    }

    public async Task<string?> FindCodeAsync(
        IntegrationCredentials credentials, string externalId, string name, CancellationToken cancellationToken = default)
    {
        for (var page = 1; page <= MaxVisitorPages; page++)
        {
            var response = await SendAsync(
                credentials, HttpMethod.Get, $"visitors?page_num={page}&page_size={VisitorPageSize}", body: null, cancellationToken);
            var visitors = response.EnsureSuccess().Data.ValueKind == System.Text.Json.JsonValueKind.Array
                ? response.DataAs<List<UnifiVisitor>>(UnifiApiClient.JsonOptions)
                : [];

            var match = visitors.FirstOrDefault(v =>
                string.Equals(v.Remarks, name, StringComparison.Ordinal)
                && v.Opens(externalId)
                && !string.Equals(v.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match.Id;
            }

            if (visitors.Count < VisitorPageSize)
            {
                break;
            }
        }

        return null;
    }

    public async Task UpdateCodeWindowAsync(
        IntegrationCredentials credentials,
        string externalId,
        string externalCodeId,
        DateTimeOffset validFromUtc,
        DateTimeOffset validUntilUtc,
        CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(credentials, HttpMethod.Put, $"visitors/{Escape(externalCodeId)}", new
        {
            start_time = validFromUtc.ToUnixTimeSeconds(),
            end_time = validUntilUtc.ToUnixTimeSeconds(),
        }, cancellationToken);
        response.EnsureSuccess();
    }

    public async Task DeleteCodeAsync(
        IntegrationCredentials credentials, string externalId, string externalCodeId, CancellationToken cancellationToken = default)
    {
        try
        {
            // Without is_force the visitor is only cancelled and stays on the console.
            var response = await SendAsync(
                credentials, HttpMethod.Delete, $"visitors/{Escape(externalCodeId)}?is_force=true", body: null, cancellationToken);
            response.EnsureSuccess();
        }
        catch (VendorException ex) when (ex.Kind == VendorErrorKind.NotFound)
        {
            // Already gone.
        }
    }

    public async Task<string> GeneratePinAsync(
        IntegrationCredentials credentials, string externalId, IReadOnlySet<string> pinsInUse, CancellationToken cancellationToken = default)
    {
        // The console knows the site's PIN length and the PINs of its users; ours are only a subset.
        for (var attempt = 0; attempt < options.Value.PinAttempts; attempt++)
        {
            var response = await SendAsync(credentials, HttpMethod.Post, "credentials/pin_codes", body: null, cancellationToken);
            var pin = response.EnsureSuccess().DataAs<string>(UnifiApiClient.JsonOptions);
            if (!pinsInUse.Contains(pin))
            {
                return pin;
            }
        }

        throw new VendorException(Vendor, VendorErrorKind.Transient, "UniFi Access kept generating PINs that are already in use.");
    }

    // A PIN taken by someone we cannot see (a console user, another visitor) is replaced by a console-generated one.
    private async Task<string> AssignPinAsync(
        IntegrationCredentials credentials, string visitorId, string requestedPin, CancellationToken cancellationToken)
    {
        var pin = requestedPin;
        var tried = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            tried.Add(pin);
            var response = await SendAsync(
                credentials, HttpMethod.Put, $"visitors/{Escape(visitorId)}/pin_codes", new { pin_code = pin }, cancellationToken);
            if (response.IsSuccess)
            {
                return pin;
            }

            if (response.Code != PinAlreadyExists || attempt >= options.Value.PinAttempts)
            {
                response.EnsureSuccess();
            }

            logger.LogInformation(
                "UniFi PIN already exists for visitor {VisitorId}; trying a generated one (attempt {Attempt})", visitorId, attempt);
            pin = await GeneratePinAsync(credentials, visitorId, tried, cancellationToken);
        }
    }

    private async Task TryDeleteVisitorAsync(IntegrationCredentials credentials, string visitorId)
    {
        try
        {
            await DeleteCodeAsync(credentials, string.Empty, visitorId, CancellationToken.None);
        }
        catch (VendorException ex)
        {
            logger.LogWarning("UniFi visitor {VisitorId} without PIN could not be removed: {Reason}", visitorId, ex.Reason);
        }
    }

    private Task<UnifiResponse> SendAsync(
        IntegrationCredentials credentials, HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        api.SendAsync(VendorHttp.Expect<UnifiCredentials>(credentials, Vendor), method, path, body, cancellationToken);

    private static VendorDevice ToDevice(UnifiDoor door) => new(
        ExternalId: door.Id,
        Name: door.Name ?? string.Empty,
        FullName: door.FullName,
        Type: door.Type,
        Online: null,
        Locked: door.DoorLockRelayStatus switch { "lock" => true, "unlock" => false, _ => null },
        DoorOpen: door.DoorPositionStatus switch { "open" => true, "close" => false, _ => null },
        BatteryCritical: null,
        RawState: door.DoorLockRelayStatus);

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private static string OrDefault(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
}
