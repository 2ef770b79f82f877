using System.Text.Json;
using System.Text.Json.Nodes;
using Kasify.Application.Checkin;
using Kasify.Application.Common;
using Kasify.Application.Guests;
using Kasify.WebApi.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Kasify.WebApi.Endpoints;

public static class GuestsEndpoints
{
    public static void MapGuestEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/guests").WithTags(ApiTags.Guests).RequireAuthorization();

        group.MapGet("/", async Task<Ok<GuestsPage>> (int? page, int? size, string? query,
            [FromQuery(Name = "property_id")] Guid? propertyId, [FromQuery(Name = "booking_id")] Guid? bookingId,
            ListGuestsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new GuestsQuery(query, propertyId, bookingId), PageRequest.From(page, size), ct)))
            .WithName("ListGuests").WithSummary("List guests registered under the caller's account");

        app.MapPatch("/bookings/{id:guid}/guests/{guestId:guid}", async Task<Ok<GuestResponse>> (Guid id, Guid guestId, JsonObject body,
                UpdateGuestHandler handler, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, guestId, ToPatch(body, json.Value.SerializerOptions), ct)))
            .RequireAuthorization().WithTags(ApiTags.Guests).WithName("UpdateGuest")
            .WithSummary("Correct a registered guest (owner, manager); validated like a registration")
            .Accepts<GuestRegistration>("application/json");

        app.MapGet("/properties/{id:guid}/guest-register", async Task<IResult> (Guid id, DateOnly? from, DateOnly? to, HttpRequest request,
                GetGuestRegisterHandler handler, CancellationToken ct) =>
            {
                var register = await handler.HandleAsync(id, from, to, ct);
                return WantsJson(request)
                    ? TypedResults.Ok(register)
                    : TypedResults.Text(GuestRegisterCsv.Write(register), "text/csv; charset=utf-8");
            })
            .RequireAuthorization().WithTags(ApiTags.Guests).WithName("GetGuestRegister")
            .WithSummary("The guest register for an inspection (owner, manager; archived properties too): CSV, or JSON on request")
            .Produces<GuestRegister>(StatusCodes.Status200OK, "application/json")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
    }

    /// <summary>CSV unless the client asks for JSON and not (at least as much) for CSV.</summary>
    private static bool WantsJson(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var json = accept.Where(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        var csv = accept.Where(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        return json > 0 && json > csv;
    }

    private static GuestPatch ToPatch(JsonObject body, JsonSerializerOptions options)
    {
        var fields = body.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        if (fields.FirstOrDefault(f => !GuestPatch.Known.Contains(f)) is { } unknown)
            throw new ValidationFailedException(unknown, $"{unknown} is not a guest field.");
        try
        {
            var values = body.Deserialize<GuestRegistration>(options) ?? throw new ValidationFailedException("body", "A JSON object is required.");
            return new GuestPatch(values, fields);
        }
        catch (JsonException e)
        {
            var field = e.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "body";
            throw new ValidationFailedException(field, $"{field} has the wrong type or format.");
        }
    }
}
