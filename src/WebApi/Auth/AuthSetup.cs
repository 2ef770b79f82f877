using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace Kasify.WebApi.Auth;

public static class AuthSetup
{
    public const string SmartScheme = "BearerOrPersonalAccessToken";
    /// <summary>Authenticated and registered (POST /auth/register done): the default for every secured endpoint.</summary>
    public const string RegisteredPolicy = "registered";
    /// <summary>Any valid token, registered or not: only <c>POST /auth/register</c>.</summary>
    public const string AnyTokenPolicy = "any-token";
    /// <summary>Registered and signed in with a JWT, not a personal access token: managing tokens.</summary>
    public const string InteractivePolicy = "interactive";

    /// <summary>
    /// JWT bearer from the standard <c>Authentication:Schemes:Bearer</c> section (so <c>dotnet user-jwts</c> and any
    /// OIDC provider work with no code), plus personal access tokens, chosen by the token's prefix.
    /// </summary>
    public static IServiceCollection AddKasifyAuth(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "JWT or personal access token", o =>
                o.ForwardDefaultSelector = ctx => PersonalAccessTokenHandler.ReadToken(ctx.Request) is null
                    ? JwtBearerDefaults.AuthenticationScheme
                    : PersonalAccessTokenHandler.SchemeName)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null);

        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.MapInboundClaims = false; // keep sub, email, role as the provider wrote them
            o.TokenValidationParameters.NameClaimType = KasifyClaims.Name;
            o.TokenValidationParameters.RoleClaimType = KasifyClaims.Role;
        });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).PostConfigure<IConfiguration>((o, configuration) =>
        {
            if (o.TokenValidationParameters.IssuerSigningKeys is { } keys and not ReloadingSigningKeys)
                o.TokenValidationParameters.IssuerSigningKeys = new ReloadingSigningKeys(keys, configuration);
        });

        services.AddScoped<IAuthorizationHandler, RegisteredUserHandler>();
        services.AddSingleton<IAuthorizationHandler, InteractiveSignInHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AnyTokenPolicy, p => p.RequireAuthenticatedUser())
            .AddPolicy(RegisteredPolicy, p => p.RequireAuthenticatedUser().AddRequirements(new RegisteredUserRequirement()))
            .AddPolicy(InteractivePolicy, p => p.RequireAuthenticatedUser()
                .AddRequirements(new RegisteredUserRequirement(), new InteractiveSignInRequirement()))
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new RegisteredUserRequirement()).Build());
        return services;
    }
}
