using Kasify.Infrastructure.Security;

namespace Kasify.WebApi.Security;

/// <summary>Settings a production instance must not run without, checked before it serves anyone.</summary>
public static class StartupChecks
{
    /// <summary>
    /// In Production absolute URLs (files, calendar export, task links) must not be built from the caller's
    /// <c>Host</c> header: <c>PublicBaseUrl</c> is required, unless <c>AllowedHosts</c> limits the hosts served.
    /// </summary>
    public static void RequireSafePublicUrls(IConfiguration configuration, IHostEnvironment environment)
    {
        var publicBaseUrl = configuration["PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(publicBaseUrl))
        {
            if (!Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                throw new InvalidOperationException($"PublicBaseUrl must be an absolute http(s) URL, not '{publicBaseUrl}'.");
            return;
        }
        var allowedHosts = configuration["AllowedHosts"];
        if (environment.IsProduction() && (string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Trim() == "*"))
            throw new InvalidOperationException(
                "PublicBaseUrl is required in Production (e.g. https://kasify.example.com), or AllowedHosts must list the " +
                "host names served: otherwise links would be built from whatever Host header a caller sends. See docs/security.md.");
    }

    /// <summary>An unprotected key ring sits next to the secrets it protects: say so loudly in Production.</summary>
    public static void WarnAboutUnprotectedKeys(WebApplication app)
    {
        if (!app.Environment.IsProduction() || DataProtectionSetup.IsKeyRingProtected(app.Configuration)) return;
        app.Logger.LogWarning(
            "The Data Protection key ring is stored UNENCRYPTED in the database, next to the secrets it protects. " +
            "Set DataProtection:Certificate:Path (and :Password) to encrypt it; see docs/security.md.");
    }
}
