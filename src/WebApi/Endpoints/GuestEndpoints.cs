using Kasify.Application.Common;
using Kasify.Application.Guests;
using Kasify.WebApi.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kasify.WebApi.Endpoints;

public static class GuestEndpoints
{
    public static void MapGuestEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/guests").WithTags(ApiTags.Guests).RequireAuthorization();

        group.MapGet("/", async Task<Ok<GuestsPage>> (int? page, int? size, string? query,
            [FromQuery(Name = "property_id")] Guid? propertyId, [FromQuery(Name = "booking_id")] Guid? bookingId,
            ListGuestsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new GuestsQuery(query, propertyId, bookingId), PageRequest.From(page, size), ct)))
            .WithName("ListGuests").WithSummary("List guests registered under the caller's account");
    }
}
