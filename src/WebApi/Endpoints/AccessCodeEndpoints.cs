using Kasify.Application.AccessCodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.WebApi.Endpoints;

/// <summary>A booking's access codes (API.md §6), for owners and managers.</summary>
public static class AccessCodeEndpoints
{
    public static void MapAccessCodeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/bookings/{bookingId:guid}/accesscode").WithTags("Access codes").RequireAuthorization();

        group.MapPost("/", async Task<Created<AccessCodesResult>> (Guid bookingId, CreateAccessCodesHandler handler, CancellationToken ct) =>
            TypedResults.Created($"/bookings/{bookingId}/accesscode", await handler.HandleAsync(bookingId, ct))).WithName("CreateAccessCodes");

        group.MapGet("/", async Task<Ok<IReadOnlyList<AccessCodeResponse>>> (Guid bookingId, ListAccessCodesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(bookingId, ct))).WithName("ListAccessCodes");

        group.MapDelete("/{codeId:guid}", async Task<NoContent> (Guid bookingId, Guid codeId, RevokeAccessCodeNowHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(bookingId, codeId, ct);
            return TypedResults.NoContent();
        }).WithName("RevokeAccessCode");
    }
}
