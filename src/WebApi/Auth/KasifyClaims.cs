using System.Security.Claims;

namespace Kasify.WebApi.Auth;

/// <summary>The raw OIDC claim names we read (inbound claim mapping is off).</summary>
public static class KasifyClaims
{
    public const string Subject = "sub";
    public const string Issuer = "iss";
    public const string EmailVerified = "email_verified";
    public const string Email = "email";
    public const string Name = "name";
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
    public const string Role = "role";
    public const string Roles = "roles";
    public const string PersonalAccessTokenId = "kas_pat_id";
    public const string UserId = "kas_user_id";
    public const string AdminRole = "admin";

    public static bool IsAdmin(this ClaimsPrincipal user) =>
        user.Claims.Any(c => c.Type is Role or Roles or ClaimTypes.Role && string.Equals(c.Value, AdminRole, StringComparison.OrdinalIgnoreCase));
}
