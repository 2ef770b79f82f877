using Hangfire.Dashboard;
using Kasify.Application.Common;
using Kasify.WebApi.Auth;
using Microsoft.AspNetCore.DataProtection;

namespace Kasify.WebApi.Dashboard;

/// <summary>
/// How an admin reaches <c>/hangfire</c> from a browser, which sends no bearer header: an admin asks
/// <c>POST /admin/dashboard-sessions</c> for a one-minute link; opening it sets a 30-minute, HttpOnly,
/// data-protected cookie scoped to <c>/hangfire</c> (docs/adr/0004). A bearer admin token also works.
/// </summary>
public sealed class DashboardAccess(IDataProtectionProvider dataProtection, TimeProvider time)
{
    public const string CookieName = "kasify_dashboard";
    public const string DashboardPath = "/hangfire";
    public const string LoginPath = "/hangfire-login";
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(30);

    // Expiry is inside the protected payload and checked against our TimeProvider (testable, one clock for all).
    private IDataProtector Protector => dataProtection.CreateProtector("Kasify.HangfireDashboard");

    public string CreateLoginCode(Guid userId) => Protect("link", userId, LinkLifetime);

    public string? ExchangeLoginCode(string code) =>
        Unprotect(code, "link") is { } userId ? Protect("session", userId, SessionLifetime) : null;

    public Guid? SessionUser(string? cookie) => cookie is null ? null : Unprotect(cookie, "session");

    private string Protect(string purpose, Guid userId, TimeSpan lifetime) =>
        Protector.Protect($"{purpose}|{userId}|{(time.GetUtcNow() + lifetime).ToUnixTimeSeconds()}");

    private Guid? Unprotect(string value, string purpose)
    {
        try
        {
            var parts = Protector.Unprotect(value).Split('|');
            if (parts.Length != 3 || parts[0] != purpose || !Guid.TryParse(parts[1], out var userId)) return null;
            return long.TryParse(parts[2], out var expires) && time.GetUtcNow().ToUnixTimeSeconds() < expires ? userId : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // tampered or from another key ring: simply not a session
        }
    }
}

/// <summary>Admins only: a valid dashboard cookie of a user who is still an admin, or an admin bearer token.</summary>
internal sealed class AdminDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var current = http.RequestServices.GetRequiredService<ICurrentUser>();
            return await current.FindAsync(http.RequestAborted) is not null && current.IsPlatformAdmin;
        }

        var access = http.RequestServices.GetRequiredService<DashboardAccess>();
        if (access.SessionUser(http.Request.Cookies[DashboardAccess.CookieName]) is not { } userId) return false;
        var db = http.RequestServices.GetRequiredService<IKasifyDb>();
        return db.Users.Any(u => u.Id == userId && u.IsAdmin);
    }
}
