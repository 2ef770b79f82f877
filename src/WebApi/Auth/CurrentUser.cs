using Kasify.Application.Common;
using Kasify.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kasify.WebApi.Auth;

/// <summary>The caller of the current request, resolved from the token's <c>sub</c> once per request.</summary>
internal sealed class CurrentUser(IHttpContextAccessor http, IKasifyDb db, TimeProvider time) : ICurrentUser
{
    private static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(5);
    private User? _user;
    private bool _loaded;

    private System.Security.Claims.ClaimsPrincipal? Principal => http.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public string? Subject => IsAuthenticated ? Principal!.FindFirst(KasifyClaims.Subject)?.Value : null;

    public bool IsPlatformAdmin => IsAuthenticated && (Principal!.IsAdmin() || (_user?.IsAdmin ?? false) && IsPersonalAccessToken);

    private bool IsPersonalAccessToken => Principal?.FindFirst(KasifyClaims.PersonalAccessTokenId) is not null;

    public TokenProfile Profile => new(
        Principal?.FindFirst(KasifyClaims.Email)?.Value,
        Principal?.FindFirst(KasifyClaims.GivenName)?.Value ?? Principal?.FindFirst(KasifyClaims.Name)?.Value,
        Principal?.FindFirst(KasifyClaims.FamilyName)?.Value);

    public async Task<User?> FindAsync(CancellationToken ct = default)
    {
        if (_loaded) return _user;
        var subject = Subject;
        _user = subject is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Subject == subject, ct);
        _loaded = true;
        if (_user is not null) await RecordSeenAsync(_user, ct);
        return _user;
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
