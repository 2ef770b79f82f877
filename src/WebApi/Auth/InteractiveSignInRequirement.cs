using Microsoft.AspNetCore.Authorization;

namespace Kasify.WebApi.Auth;

/// <summary>
/// Signed in with the identity provider (a JWT), not a personal access token: managing tokens needs this, so a stolen
/// token cannot mint fresh ones that outlive its revocation.
/// </summary>
public sealed class InteractiveSignInRequirement : IAuthorizationRequirement;

internal sealed class InteractiveSignInHandler : AuthorizationHandler<InteractiveSignInRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, InteractiveSignInRequirement requirement)
    {
        if (context.User.Identity?.AuthenticationType != PersonalAccessTokenHandler.SchemeName
            && context.User.FindFirst(KasifyClaims.PersonalAccessTokenId) is null) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this,
            "Personal access tokens cannot create or revoke tokens; sign in with your identity provider (a JWT) to do this."));
        return Task.CompletedTask;
    }
}
