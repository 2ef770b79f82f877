using Kasify.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Accounts;

public sealed class RevokeTokenHandler(IKasifyDb db, ICurrentUser current, TimeProvider time)
{
    public async Task HandleAsync(Guid tokenId, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == user.Id && t.RevokedAt == null, ct)
                    ?? throw new NotFoundException("Token");
        token.Revoke(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}
