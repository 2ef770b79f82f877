using System.Text.Json.Serialization;
using Kasify.Application.Ses;

namespace Kasify.Application.Integrations;

/// <summary>Body of POST and PUT <c>/integrations/ses</c>: <c>{name?, landlord_code, username, password, environment}</c>.</summary>
public sealed record SesIntegrationRequest(string? Name, string? LandlordCode, string? Username, string? Password, string? Environment)
{
    // The generated ToString would print the password into any log that formats the request.
    public override string ToString() => $"SesIntegrationRequest {{ LandlordCode = {LandlordCode}, Environment = {Environment} }}";
}

/// <summary>The non-secret settings, stored as JSON and returned as <c>settings</c>.</summary>
public sealed record SesIntegrationSettings(
    [property: JsonPropertyName("landlord_code")] string LandlordCode,
    [property: JsonPropertyName("environment")] string Environment)
{
    public SesEnvironment SesEnvironment => Environment == "production" ? Ses.SesEnvironment.Production : Ses.SesEnvironment.Test;
}

/// <summary>The secret part, stored only encrypted.</summary>
public sealed record SesIntegrationSecret(
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("password")] string Password)
{
    public override string ToString() => "SesIntegrationSecret { *** }";
}

public sealed record ValidSesIntegration(string Name, SesIntegrationSettings Settings, SesIntegrationSecret Secret)
{
    public SesCredentials Credentials => new(Settings.LandlordCode, Secret.Username, Secret.Password, Settings.SesEnvironment);

    public override string ToString() => $"ValidSesIntegration {{ Name = {Name}, Settings = {Settings} }}";
}
