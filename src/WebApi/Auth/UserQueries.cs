using Kasify.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kasify.WebApi.Auth;

/// <summary>The caller's user lookups of <see cref="CurrentUser"/>, compiled once: they run on every authenticated request.</summary>
internal static class UserQueries
{
    public static readonly Func<DbContext, Guid, CancellationToken, Task<User?>> ById =
        EF.CompileAsyncQuery((DbContext db, Guid id, CancellationToken _) => db.Set<User>().SingleOrDefault(u => u.Id == id));

    /// <summary>An exact issuer match first; else a user from before issuers were recorded (empty issuer).</summary>
    public static readonly Func<DbContext, string, string, CancellationToken, Task<User?>> BySubject =
        EF.CompileAsyncQuery((DbContext db, string subject, string issuer, CancellationToken _) =>
            db.Set<User>().Where(u => u.Subject == subject && (u.Issuer == issuer || u.Issuer == ""))
                .OrderByDescending(u => u.Issuer).FirstOrDefault());

    /// <summary>A live personal access token by its hash, with its user (a token made before the maximum lifetime existed has none of its own).</summary>
    public static readonly Func<DbContext, string, DateTime, DateTime, CancellationToken, Task<TokenOwner?>> ByPersonalAccessToken =
        EF.CompileAsyncQuery((DbContext db, string hash, DateTime oldestUnexpiring, DateTime now, CancellationToken _) =>
            (from t in db.Set<PersonalAccessToken>().AsNoTracking()
             join u in db.Set<User>().AsNoTracking() on t.UserId equals u.Id
             where t.TokenHash == hash && t.RevokedAt == null && (t.ExpiresAt == null ? t.CreatedAt > oldestUnexpiring : t.ExpiresAt > now)
             select new TokenOwner(t.Id, t.LastUsedAt, u.Id, u.Subject, u.Email))
            .SingleOrDefault());

    internal sealed record TokenOwner(Guid Id, DateTime? LastUsedAt, Guid UserId, string Subject, string Email);
}
