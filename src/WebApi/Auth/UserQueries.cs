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
}
