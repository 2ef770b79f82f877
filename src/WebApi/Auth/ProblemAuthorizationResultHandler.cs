using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Kasify.WebApi.Auth;

/// <summary>401 and 403 as problem details; a 401 also says <c>WWW-Authenticate: Bearer</c>.</summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Challenged)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteAsync(context, 401, "Unauthorized", "A valid bearer token (JWT or personal access token) is required.");
            return;
        }
        if (result.Forbidden)
        {
            var reason = result.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message ?? "You are not allowed to do this.";
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await WriteAsync(context, 403, "Forbidden", reason);
            return;
        }
        await _default.HandleAsync(next, context, policy, result);
    }

    private async Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
}
