using Kasify.Application.Accounts;
using Kasify.Application.Common;
using Kasify.WebApi.Auth;
using Kasify.WebApi.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.WebApi.Endpoints;

public static class AccountsEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/auth/register", Register).WithTags(ApiTags.Auth).WithName("Register").WithSummary("Register the authenticated user")
            .RequireAuthorization(AuthSetup.AnyTokenPolicy);

        var account = app.MapGroup("/account").RequireAuthorization();
        account.MapGet("/", async Task<Ok<AccountResponse>> (GetAccountHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct))).WithTags(ApiTags.Account).WithName("GetAccount").WithSummary("Get the user's account");
        account.MapPut("/", async Task<Ok<AccountResponse>> (UpdateAccountRequest request, UpdateAccountHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(request, ct))).WithTags(ApiTags.Account).WithName("UpdateAccount").WithSummary("Update the user's account");
        account.MapGet("/tokens", async Task<Ok<IReadOnlyList<TokenResponse>>> (ListTokensHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(ct))).WithTags(ApiTags.Tokens).WithName("ListTokens").WithSummary("List the caller's personal access tokens");
        account.MapPost("/tokens", async Task<Created<CreatedTokenResponse>> (CreateTokenRequest request, CreateTokenHandler handler, CancellationToken ct) =>
        {
            var token = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/account/tokens/{token.Id}", token);
        }).WithTags(ApiTags.Tokens).WithName("CreateToken").WithSummary("Create a personal access token (shown once)")
          .RequireAuthorization(AuthSetup.InteractivePolicy);
        account.MapDelete("/tokens/{id:guid}", async Task<NoContent> (Guid id, RevokeTokenHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, ct);
            return TypedResults.NoContent();
        }).WithTags(ApiTags.Tokens).WithName("RevokeToken").WithSummary("Revoke a personal access token")
          .RequireAuthorization(AuthSetup.InteractivePolicy);

        app.MapGet("/users", async Task<Ok<UsersPage>> (int? page, int? size, ListUsersHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(PageRequest.From(page, size), ct)))
            .WithTags(ApiTags.Users).WithName("ListUsers").WithSummary("List every user (admin only)").RequireAuthorization();
    }

    private static async Task<Results<Created<AccountResponse>, Ok<AccountResponse>>> Register(RegisterUserHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(ct);
        return result.Created ? TypedResults.Created("/account", result.Account) : TypedResults.Ok(result.Account);
    }
}
