using System.Text.Json.Serialization;

namespace Kasify.Application.SmartLocks.Vendors;

// Either ApiToken, or Username + Password (UniFi OS local admin; a developer token is minted from the session).
// BaseUrl is the console, e.g. https://192.168.1.1 (the developer API then uses port 12445).
public sealed record UnifiCredentials(
    Uri BaseUrl,
    string? ApiToken,
    string? Username,
    string? Password,
    bool AcceptSelfSignedCertificate) : IntegrationCredentials
{
    [JsonIgnore]
    public override string Vendor => SmartLockVendorNames.Unifi;

    [JsonIgnore]
    public bool UsesApiToken => !string.IsNullOrWhiteSpace(ApiToken);

    public override string ToString() =>
        $"UnifiCredentials {{ BaseUrl = {BaseUrl}, ApiToken = {(UsesApiToken ? "***" : "none")}, " +
        $"Username = {Username}, Password = {(Password is null ? "none" : "***")}, " +
        $"AcceptSelfSignedCertificate = {AcceptSelfSignedCertificate} }}";
}
