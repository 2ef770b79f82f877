using Kasify.Application.Checkin;
using Kasify.WebApi.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.WebApi.Endpoints;

public static class CheckinEndpoints
{
    public static void MapCheckinEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/checkin").WithTags("Check-in").AllowAnonymous().RequireRateLimiting(RateLimits.Checkin);

        group.MapGet("/{code}", async Task<Ok<CheckinSnapshot>> (string code, GetCheckinHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(code, ct))).WithName("GetCheckin");

        group.MapPost("/{code}/guests", async Task<Created<CheckinSnapshot>> (string code, GuestRegistration registration,
            RegisterGuestHandler handler, CancellationToken ct) =>
            TypedResults.Created($"/checkin/{code}", await handler.HandleAsync(code, registration, ct))).WithName("RegisterCheckinGuest");
    }
}
