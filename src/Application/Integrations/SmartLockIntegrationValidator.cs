using System.Text.Json;
using Kasify.Application.Common;
using Kasify.Application.SmartLocks.Vendors;

namespace Kasify.Application.Integrations;

public sealed record ValidSmartLockIntegration(string Name, string SettingsJson, IntegrationCredentials Credentials)
{
    public override string ToString() => $"ValidSmartLockIntegration {{ Name = {Name} }}";
}

/// <summary>
/// Checks the body of a Nuki or UniFi integration (400 field by field; a UniFi URL on a non-public address too, before
/// any connection), then asks the vendor whether it accepts the credentials: refused → 422 with the vendor's reason,
/// unreachable → 503. Nothing is stored until both pass.
/// </summary>
public sealed class SmartLockIntegrationValidator(ISmartLockVendorRegistry vendors, ISmartLockUrlPolicy urlPolicy)
{
    public async Task<ValidSmartLockIntegration> ValidateAsync(string type, SmartLockIntegrationRequest r, CancellationToken ct)
    {
        var valid = type == IntegrationTypes.Nuki ? Nuki(r) : Unifi(r);
        if (valid.Credentials is UnifiCredentials unifi && await urlPolicy.CheckAsync(unifi.BaseUrl, ct) is { } urlError)
            throw new ValidationFailedException("url", urlError);
        var result = await vendors.Get(type).ValidateAsync(valid.Credentials, ct);
        return result.Status switch
        {
            VendorValidationStatus.Ok => valid,
            VendorValidationStatus.Rejected => throw new UnprocessableException($"{VendorLabel(type)} refused the credentials: {result.Reason}"),
            _ => throw new ServiceUnavailableException($"{VendorLabel(type)} could not be reached to check the credentials ({result.Reason}); nothing was saved, try again later."),
        };
    }

    public static string VendorLabel(string type) => type == IntegrationTypes.Nuki ? "Nuki" : "UniFi Access";

    private static ValidSmartLockIntegration Nuki(SmartLockIntegrationRequest r)
    {
        var v = new Validation();
        var name = v.Optional("name", r.Name, 100) ?? "Nuki";
        var token = v.Required("api_token", r.ApiToken, 500);
        v.ThrowIfInvalid();
        return new ValidSmartLockIntegration(name, "{}", new NukiCredentials(token!));
    }

    private static ValidSmartLockIntegration Unifi(SmartLockIntegrationRequest r)
    {
        var v = new Validation();
        var name = v.Optional("name", r.Name, 100) ?? "UniFi Access";
        var url = v.Required("url", r.Url, 500);
        Uri? baseUrl = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out baseUrl) || baseUrl.Scheme is not ("https" or "http") || baseUrl.Host.Length == 0))
            v.Add("url", "url must be the console's http(s) address, e.g. https://192.168.1.1.");
        var token = string.IsNullOrWhiteSpace(r.ApiToken) ? null : r.ApiToken.Trim();
        var username = string.IsNullOrWhiteSpace(r.Username) ? null : r.Username.Trim();
        if (token is null && (username is null || string.IsNullOrEmpty(r.Password)))
            v.Add("api_token", "Give api_token, or username and password of a local admin.");
        if (token is not null && username is not null) v.Add("api_token", "Give either api_token or username and password, not both.");
        if (token?.Length > 500) v.Add("api_token", "api_token must be at most 500 characters.");
        if (username?.Length > 200) v.Add("username", "username must be at most 200 characters.");
        if (r.Password?.Length > 200) v.Add("password", "password must be at most 200 characters.");
        v.ThrowIfInvalid();

        var acceptSelfSigned = r.AcceptSelfSignedCertificate ?? false;
        var credentials = new UnifiCredentials(baseUrl!, token, token is null ? username : null, token is null ? r.Password : null, acceptSelfSigned);
        var settings = new UnifiIntegrationSettings(baseUrl!.GetLeftPart(UriPartial.Authority), credentials.Username, acceptSelfSigned);
        return new ValidSmartLockIntegration(name, JsonSerializer.Serialize(settings), credentials);
    }
}
