using Kasify.Application.Checkin;
using Kasify.WebApi.OpenApi;
using Kasify.WebApi.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.WebApi.Endpoints;

public static class CheckinEndpoints
{
    public static void MapCheckinEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/checkin").WithTags(ApiTags.Checkin).AllowAnonymous().RequireRateLimiting(RateLimits.Checkin);

        group.MapGet("/{code}", async Task<Ok<CheckinSnapshot>> (string code, GetCheckinHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(code, ct))).WithName("GetCheckin").WithSummary("Get the guest check-in snapshot for a booking").ProducesProblem(410);

        group.MapPost("/{code}/guests", async Task<Created<CheckinSnapshot>> (string code, GuestRegistration registration,
            RegisterGuestHandler handler, CancellationToken ct) =>
            TypedResults.Created($"/checkin/{code}", await handler.HandleAsync(code, registration, ct))).WithName("RegisterCheckinGuest").WithSummary("Register a guest on a booking").ProducesProblem(409).ProducesProblem(410);
    }
}
