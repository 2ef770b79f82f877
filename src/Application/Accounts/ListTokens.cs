using Kasify.Application.Common;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kasify.Application.Accounts;

[CallerScope]
public sealed class ListTokensHandler(IKasifyDb db, UseCaseCaller caller, IOptions<PersonalAccessTokenOptions> options, TimeProvider time,
    TypeAdapterConfig mapping)
{
    public async Task<IReadOnlyList<TokenResponse>> HandleAsync(CancellationToken ct)
    {
        var user = caller.User;
        var now = time.GetUtcNow().UtcDateTime;
        var oldestUnexpiring = now - options.Value.MaxLifetime;
        return await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == user.Id && t.RevokedAt == null && (t.ExpiresAt == null ? t.CreatedAt > oldestUnexpiring : t.ExpiresAt > now))
            .OrderBy(t => t.CreatedAt)
            .ProjectToType<TokenResponse>(mapping)
            .ToListAsync(ct);
    }
}
