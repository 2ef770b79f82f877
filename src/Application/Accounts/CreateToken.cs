using Kasify.Application.Common;
using Kasify.Domain.Accounts;
using Microsoft.Extensions.Options;

namespace Kasify.Application.Accounts;

public sealed record CreateTokenRequest(string? Name, DateTime? ExpiresAt);

/// <summary>Creating a token needs an interactive sign-in (enforced by the endpoint's policy): a token never mints tokens.</summary>
[CallerScope]
public sealed class CreateTokenHandler(IKasifyDb db, UseCaseCaller caller, IOptions<PersonalAccessTokenOptions> options, TimeProvider time)
{
    public async Task<CreatedTokenResponse> HandleAsync(CreateTokenRequest request, CancellationToken ct)
    {
        var user = caller.User;
        var now = time.GetUtcNow().UtcDateTime;
        var v = new Validation();
        var name = v.Required("name", request.Name, 100);
        var latest = now + options.Value.MaxLifetime;
        var expiresAt = request.ExpiresAt?.ToUniversalTime() ?? latest;
        if (expiresAt <= now) v.Add("expires_at", "expires_at must be in the future.");
        else if (expiresAt > latest)
            v.Add("expires_at", $"expires_at can be at most {options.Value.MaxLifetimeDays} days away.");
        v.ThrowIfInvalid();

        var raw = PersonalAccessTokens.NewToken();
        var token = new PersonalAccessToken(user.Id, name!, PersonalAccessTokens.Hash(raw), PersonalAccessTokens.DisplayPrefix(raw), now, expiresAt);
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new CreatedTokenResponse(token.Id, token.Name, token.TokenPrefix, token.CreatedAt, null, token.ExpiresAt, raw);
    }
}
