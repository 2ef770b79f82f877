using Kasify.Application.Common;
using Kasify.WebApi.Dashboard;
using Kasify.WebApi.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.WebApi.Endpoints;

public sealed record DashboardSessionResponse(string Url, DateTime ExpiresAt);

public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/dashboard-sessions", async Task<Created<DashboardSessionResponse>> (
            CreateDashboardSessionHandler handler, CancellationToken ct) =>
        {
            var session = await handler.HandleAsync(ct);
            return TypedResults.Created(session.Url, session);
        }).WithTags(ApiTags.Admin).WithName("CreateDashboardSession").WithSummary("Create a one-minute sign-in link to the job dashboard (admin only)").RequireAuthorization();

        app.MapGet(DashboardAccess.LoginPath, async Task<Results<RedirectHttpResult, ProblemHttpResult>> (string? code, DashboardAccess access, HttpContext http) =>
        {
            if (code is null || await access.ExchangeLoginCodeAsync(code, http.RequestAborted) is not { } session)
                return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "The dashboard link is invalid, expired or already used; ask for a new one.");
            http.Response.Cookies.Append(DashboardAccess.CookieName, session, new CookieOptions
            {
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = DashboardAccess.DashboardPath,
                MaxAge = DashboardAccess.SessionLifetime,
            });
            return TypedResults.Redirect(DashboardAccess.DashboardPath);
        }).WithTags(ApiTags.Admin).WithName("OpenDashboard").AllowAnonymous().ExcludeFromDescription();
    }
}
