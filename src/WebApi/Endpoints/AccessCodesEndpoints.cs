using Kasify.Application.AccessCodes;
using Kasify.WebApi.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.WebApi.Endpoints;

/// <summary>A booking's access codes (docs/api.md §6), for owners and managers.</summary>
public static class AccessCodesEndpoints
{
    public static void MapAccessCodeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/bookings/{bookingId:guid}/accesscode").WithTags(ApiTags.AccessCodes).RequireAuthorization();

        group.MapPost("/", async Task<Created<AccessCodesResult>> (Guid bookingId, CreateAccessCodesHandler handler, CancellationToken ct) =>
            TypedResults.Created($"/bookings/{bookingId}/accesscode", await handler.HandleAsync(bookingId, ct))).WithName("CreateAccessCodes").WithSummary("Create digital access codes for a booking").ProducesProblem(409);

        group.MapGet("/", async Task<Ok<IReadOnlyList<AccessCodeResponse>>> (Guid bookingId, ListAccessCodesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(bookingId, ct))).WithName("ListAccessCodes").WithSummary("List a booking's access codes");

        group.MapDelete("/{codeId:guid}", async Task<NoContent> (Guid bookingId, Guid codeId, RevokeAccessCodeNowHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(bookingId, codeId, ct);
            return TypedResults.NoContent();
        }).WithName("RevokeAccessCode").WithSummary("Revoke a digital access code");
    }
}
