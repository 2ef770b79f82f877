using System.Security.Claims;
using System.Text.Encodings.Web;
using Kasify.Application.Accounts;
using Kasify.Application.Common;
using Kasify.Domain.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kasify.WebApi.Auth;

/// <summary>Authenticates <c>Authorization: Bearer kas_pat_…</c> by the token's SHA-256 hash.</summary>
internal sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IKasifyDb db, IOptions<PersonalAccessTokenOptions> tokenOptions, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";
    private static readonly TimeSpan UsageResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken(Request);
        if (token is null) return AuthenticateResult.NoResult();

        var now = time.GetUtcNow().UtcDateTime;
        var hash = PersonalAccessTokens.Hash(token);
        var oldestUnexpiring = now - tokenOptions.Value.MaxLifetime; // tokens made before the maximum lifetime existed
        var found = await UserQueries.ByPersonalAccessToken(db.AsDbContext(), hash, oldestUnexpiring, now, Context.RequestAborted);
        if (found is null) return AuthenticateResult.Fail("The personal access token is unknown, revoked or expired.");

        if (found.LastUsedAt is null || now - found.LastUsedAt > UsageResolution)
            await db.PersonalAccessTokens.Where(t => t.Id == found.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);

        var identity = new ClaimsIdentity(
        [
            new Claim(KasifyClaims.Subject, found.Subject),
            new Claim(KasifyClaims.Email, found.Email),
            new Claim(KasifyClaims.PersonalAccessTokenId, found.Id.ToString()),
            new Claim(KasifyClaims.UserId, found.UserId.ToString()),
        ], SchemeName, KasifyClaims.Name, KasifyClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    public static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[bearer.Length..].Trim();
        return token.StartsWith(PersonalAccessToken.Prefix, StringComparison.Ordinal) ? token : null;
    }
}
