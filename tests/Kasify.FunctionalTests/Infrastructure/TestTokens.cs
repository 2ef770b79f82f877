using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kasify.FunctionalTests.Infrastructure;

/// <summary>Mints JWTs the API accepts through its standard <c>Authentication:Schemes:Bearer</c> settings.</summary>
public static class TestTokens
{
    public const string Issuer = "kasify-tests";
    public const string Audience = "kasify-api";
    public static readonly string SigningKey = Convert.ToBase64String("kasify-functional-tests-signing-key-0123456789"u8.ToArray());

    public static IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Authentication:Schemes:Bearer:ValidIssuer", Issuer),
        new("Authentication:Schemes:Bearer:ValidAudiences:0", Audience),
        new("Authentication:Schemes:Bearer:SigningKeys:0:Issuer", Issuer),
        new("Authentication:Schemes:Bearer:SigningKeys:0:Value", SigningKey),
    ];

    public static string Mint(string subject, string? email = null, string? givenName = null, string? familyName = null,
        bool admin = false, string issuer = Issuer, DateTime? expires = null, bool? emailVerified = null)
    {
        var claims = new List<Claim> { new("sub", subject) };
        if (email is not null) claims.Add(new Claim("email", email));
        if (givenName is not null) claims.Add(new Claim("given_name", givenName));
        if (familyName is not null) claims.Add(new Claim("family_name", familyName));
        if (admin) claims.Add(new Claim("role", "admin"));
        if (emailVerified is { } verified) claims.Add(new Claim("email_verified", verified ? "true" : "false", ClaimValueTypes.Boolean));
        var key = new SymmetricSecurityKey(Convert.FromBase64String(SigningKey));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = DateTime.UtcNow.AddMinutes(-5),
            IssuedAt = DateTime.UtcNow.AddMinutes(-5),
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
