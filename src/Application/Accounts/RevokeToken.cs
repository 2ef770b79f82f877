using Kasify.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Accounts;

[CallerScope]
public sealed class RevokeTokenHandler(IKasifyDb db, UseCaseCaller caller, TimeProvider time)
{
    public async Task HandleAsync(Guid tokenId, CancellationToken ct)
    {
        var user = caller.User;
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == user.Id && t.RevokedAt == null, ct)
                    ?? throw new NotFoundException("Token");
        token.Revoke(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}
