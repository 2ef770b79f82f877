using Kasify.Application.Common;
using Microsoft.AspNetCore.Authorization;

namespace Kasify.WebApi.Auth;

public sealed class RegisteredUserRequirement : IAuthorizationRequirement;

/// <summary>A valid token whose user never called POST /auth/register gets a 403 that says so.</summary>
internal sealed class RegisteredUserHandler(ICurrentUser current) : AuthorizationHandler<RegisteredUserRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RegisteredUserRequirement requirement)
    {
        if (await current.FindAsync() is not null) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, new NotRegisteredException().Message));
    }
}
