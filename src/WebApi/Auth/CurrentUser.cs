using Kasify.Application.Common;
using Kasify.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kasify.WebApi.Auth;

/// <summary>
/// The caller of the current request, resolved once per request: a JWT by its issuer and subject, a personal access
/// token by the user it belongs to.
/// </summary>
internal sealed class CurrentUser(IHttpContextAccessor http, IKasifyDb db, TimeProvider time) : ICurrentUser
{
    private static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(5);
    private User? _user;
    private bool _loaded;

    private System.Security.Claims.ClaimsPrincipal? Principal => http.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public string? Subject => IsAuthenticated ? Principal!.FindFirst(KasifyClaims.Subject)?.Value : null;

    /// <summary>The JWT's issuer; null for a personal access token, which is tied to its user directly.</summary>
    public string? Issuer => IsAuthenticated && !IsPersonalAccessToken
        ? Principal!.FindFirst(KasifyClaims.Issuer)?.Value ?? Principal!.FindFirst(KasifyClaims.Subject)?.Issuer
        : null;

    /// <summary>Admin rights come only from the identity provider's token, never from a personal access token.</summary>
    public bool IsPlatformAdmin => IsAuthenticated && !IsPersonalAccessToken && Principal!.IsAdmin();

    /// <summary>By the identity our own handler made, not by a claim a JWT could also carry.</summary>
    public bool IsPersonalAccessToken => Principal?.Identity?.AuthenticationType == PersonalAccessTokenHandler.SchemeName;

    public TokenProfile Profile => new(
        Principal?.FindFirst(KasifyClaims.Email)?.Value,
        Principal?.FindFirst(KasifyClaims.GivenName)?.Value ?? Principal?.FindFirst(KasifyClaims.Name)?.Value,
        Principal?.FindFirst(KasifyClaims.FamilyName)?.Value,
        bool.TryParse(Principal?.FindFirst(KasifyClaims.EmailVerified)?.Value, out var verified) ? verified : null);

    public async Task<User?> FindAsync(CancellationToken ct = default)
    {
        if (_loaded) return _user;
        _user = await LoadAsync(ct);
        _loaded = true;
        if (_user is not null) await RecordSeenAsync(_user, ct);
        return _user;
    }

    private async Task<User?> LoadAsync(CancellationToken ct)
    {
        if (!IsAuthenticated) return null;
        if (IsPersonalAccessToken)
            return Guid.TryParse(Principal!.FindFirst(KasifyClaims.UserId)?.Value, out var userId)
                ? await UserQueries.ById(db.AsDbContext(), userId, ct)
                : null;

        var subject = Subject;
        if (subject is null) return null;
        var issuer = Issuer ?? "";
        // An exact match first; else a user from before issuers were recorded, who now takes this issuer for good.
        var user = await UserQueries.BySubject(db.AsDbContext(), subject, issuer, ct);
        if (user is { Issuer.Length: 0 } && issuer.Length > 0)
        {
            await db.Users.Where(u => u.Id == user.Id && u.Issuer == "").ExecuteUpdateAsync(s => s.SetProperty(u => u.Issuer, issuer), ct);
            user.ClaimIssuer(issuer);
            db.Users.Entry(user).State = EntityState.Unchanged;
        }
        return user;
    }

    /// <summary>Keeps <c>last_seen_at</c> and the admin flag fresh without writing on every request.</summary>
    private async Task RecordSeenAsync(User user, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var isAdmin = IsPersonalAccessToken ? user.IsAdmin : Principal!.IsAdmin();
        if (now - user.LastSeenAt < SeenResolution && isAdmin == user.IsAdmin) return;
        await db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSeenAt, now).SetProperty(u => u.IsAdmin, isAdmin), ct);
        user.Seen(now, isAdmin, email: null);
        db.Users.Entry(user).State = EntityState.Unchanged;
    }
}
