using System.Text.Json.Serialization;

namespace Kasify.Application.Integrations;

/// <summary>
/// Body of POST and PUT <c>/integrations/nuki</c> (<c>{name?, api_token}</c>) and <c>/integrations/unifi</c>
/// (<c>{name?, url, api_token}</c> or <c>{name?, url, username, password}</c>, plus <c>accept_self_signed_certificate</c>).
/// </summary>
public sealed record SmartLockIntegrationRequest(
    string? Name, string? ApiToken, string? Url, string? Username, string? Password, bool? AcceptSelfSignedCertificate)
{
    // The generated ToString would print the token and password into any log that formats the request.
    public override string ToString() => $"SmartLockIntegrationRequest {{ Name = {Name}, Url = {Url}, Username = {Username} }}";
}

/// <summary>The non-secret settings of a UniFi integration, stored as JSON and returned as <c>settings</c> (Nuki has none).</summary>
public sealed record UnifiIntegrationSettings(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("accept_self_signed_certificate")] bool AcceptSelfSignedCertificate);
