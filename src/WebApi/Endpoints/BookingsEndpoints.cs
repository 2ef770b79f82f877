using System.Text.Json;
using System.Text.Json.Nodes;
using Kasify.Application.Bookings;
using Kasify.Application.Common;
using Kasify.WebApi.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kasify.WebApi.Endpoints;

public static class BookingsEndpoints
{
    public static void MapBookingEndpoints(this IEndpointRouteBuilder app)
    {
        var properties = app.MapGroup("/properties/{id:guid}/bookings").WithTags(ApiTags.Bookings).RequireAuthorization();

        properties.MapGet("/current", async Task<Ok<BookingResponse>> (Guid id, GetCurrentBookingHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).WithName("GetCurrentBooking").WithSummary("Get the current booking for a property");

        properties.MapGet("/", async Task<Ok<BookingsPage>> (Guid id, [AsParameters] BookingListQuery query, ListPropertyBookingsHandler handler,
            CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, query, ct))).WithName("ListPropertyBookings").WithSummary("List bookings for a property");

        properties.MapPost("/", async Task<Created<BookingResponse>> (Guid id, BookingRequest request, CreateBookingHandler handler, CancellationToken ct) =>
        {
            var booking = await handler.HandleAsync(id, request, ct);
            return TypedResults.Created($"/bookings/{booking.Id}", booking);
        }).WithName("CreateBooking").WithSummary("Create a booking for a property").ProducesProblem(409);

        var bookings = app.MapGroup("/bookings").WithTags(ApiTags.Bookings).RequireAuthorization();

        bookings.MapGet("/", async Task<Ok<BookingsPage>> ([AsParameters] BookingListQuery query, Guid? propertyId, ListBookingsHandler handler,
            CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(query, propertyId, ct))).WithName("ListBookings").WithSummary("List bookings across all properties the caller can access");

        bookings.MapGet("/{id:guid}", async Task<Ok<BookingResponse>> (Guid id, GetBookingHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).WithName("GetBooking").WithSummary("Get a booking by id");

        bookings.MapPatch("/{id:guid}", async Task<Ok<BookingResponse>> (Guid id, JsonObject body, UpdateBookingHandler handler,
            IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ToPatch(body, json.Value.SerializerOptions), ct)))
            .WithName("UpdateBooking").WithSummary("Update a booking").ProducesProblem(409).Accepts<BookingRequest>("application/json");
    }

    /// <summary>Keeps which fields the body named, so a PATCH changes only those (an explicit null clears a nullable field).</summary>
    private static BookingPatch ToPatch(JsonObject body, JsonSerializerOptions options)
    {
        try
        {
            var values = body.Deserialize<BookingRequest>(options) ?? throw new ValidationFailedException("body", "A JSON object is required.");
            return new BookingPatch(values, body.Select(p => p.Key).ToHashSet(StringComparer.Ordinal));
        }
        catch (JsonException e)
        {
            var field = e.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "body";
            throw new ValidationFailedException(field, $"{field} has the wrong type or format.");
        }
    }
}
