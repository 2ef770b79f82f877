using Kasify.Application.Accounts;
using Kasify.Application.Common;
using Kasify.WebApi.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.WebApi.Endpoints;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/auth/register", Register).WithTags("Account").WithName("Register")
            .RequireAuthorization(AuthSetup.AnyTokenPolicy);

        var account = app.MapGroup("/account").WithTags("Account").RequireAuthorization();
        account.MapGet("/", (AccountReader reader, ICurrentUser current, CancellationToken ct) => GetAccount(reader, current, ct)).WithName("GetAccount");
        account.MapPut("/", async Task<Ok<AccountResponse>> (UpdateAccountRequest request, UpdateAccountHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(request, ct))).WithName("UpdateAccount");
        account.MapGet("/tokens", async Task<Ok<IReadOnlyList<TokenResponse>>> (ListTokensHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(ct))).WithName("ListTokens");
        account.MapPost("/tokens", async Task<Created<CreatedTokenResponse>> (CreateTokenRequest request, CreateTokenHandler handler, CancellationToken ct) =>
        {
            var token = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/account/tokens/{token.Id}", token);
        }).WithName("CreateToken").RequireAuthorization(AuthSetup.InteractivePolicy);
        account.MapDelete("/tokens/{id:guid}", async Task<NoContent> (Guid id, RevokeTokenHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, ct);
            return TypedResults.NoContent();
        }).WithName("RevokeToken").RequireAuthorization(AuthSetup.InteractivePolicy);

        app.MapGet("/users", async Task<Ok<UsersPage>> (int? page, int? size, ListUsersHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(PageRequest.From(page, size), ct)))
            .WithTags("Users").WithName("ListUsers").RequireAuthorization();
    }

    private static async Task<Results<Created<AccountResponse>, Ok<AccountResponse>>> Register(RegisterUserHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(ct);
        return result.Created ? TypedResults.Created("/account", result.Account) : TypedResults.Ok(result.Account);
    }

    private static async Task<Ok<AccountResponse>> GetAccount(AccountReader reader, ICurrentUser current, CancellationToken ct) =>
        TypedResults.Ok(await reader.ReadAsync(await current.RequireAsync(ct), ct));
}
