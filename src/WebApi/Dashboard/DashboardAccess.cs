using Hangfire.Dashboard;
using Kasify.Application.Common;
using Kasify.WebApi.Auth;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Kasify.WebApi.Dashboard;

/// <summary>
/// How an admin reaches <c>/hangfire</c> from a browser, which sends no bearer header: an admin asks
/// <c>POST /admin/dashboard-sessions</c> for a one-minute link; opening it sets a 30-minute, HttpOnly,
/// data-protected cookie scoped to <c>/hangfire</c> (docs/adr/0004). A bearer admin token also works.
/// A link opens once: its random nonce is kept on the user row and cleared by one conditional UPDATE when the link is
/// used, so a second opening fails even on another instance sharing the database. Asking for a new link voids the last.
/// </summary>
public sealed class DashboardAccess(IDataProtectionProvider dataProtection, IKasifyDb db, TimeProvider time)
{
    public const string CookieName = "kasify_dashboard";
    public const string DashboardPath = "/hangfire";
    public const string LoginPath = "/hangfire-login";
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(30);

    // Expiry is inside the protected payload and checked against our TimeProvider (testable, one clock for all).
    private IDataProtector Protector => dataProtection.CreateProtector("Kasify.HangfireDashboard");

    public async Task<string> CreateLoginCodeAsync(Guid userId, CancellationToken ct)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DashboardLinkNonce, nonce), ct);
        return Protect("link", userId, LinkLifetime, nonce);
    }

    /// <summary>A session for a valid, unexpired, never-opened link; null otherwise.</summary>
    public async Task<string?> ExchangeLoginCodeAsync(string code, CancellationToken ct)
    {
        if (Unprotect(code, "link") is not { Nonce: { Length: > 0 } nonce } link) return null;
        var consumed = await db.Users.Where(u => u.Id == link.UserId && u.DashboardLinkNonce == nonce)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DashboardLinkNonce, (string?)null), ct);
        return consumed == 1 ? Protect("session", link.UserId, SessionLifetime, "") : null;
    }

    public Guid? SessionUser(string? cookie) => cookie is null ? null : Unprotect(cookie, "session")?.UserId;

    private string Protect(string purpose, Guid userId, TimeSpan lifetime, string nonce) =>
        Protector.Protect($"{purpose}|{userId}|{(time.GetUtcNow() + lifetime).ToUnixTimeSeconds()}|{nonce}");

    private (Guid UserId, string Nonce)? Unprotect(string value, string purpose)
    {
        try
        {
            var parts = Protector.Unprotect(value).Split('|');
            if (parts.Length != 4 || parts[0] != purpose || !Guid.TryParse(parts[1], out var userId)) return null;
            return long.TryParse(parts[2], out var expires) && time.GetUtcNow().ToUnixTimeSeconds() < expires ? (userId, parts[3]) : null;
        }
        catch (CryptographicException)
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
