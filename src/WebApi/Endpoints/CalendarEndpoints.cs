using Kasify.Application.Calendars;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.WebApi.Endpoints;

public static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var properties = app.MapGroup("/properties/{id:guid}").WithTags("Calendars");

        properties.MapGet("/calendar.ics", async Task<ContentHttpResult> (Guid id, string? token, ExportCalendarHandler handler, CancellationToken ct) =>
                TypedResults.Text(await handler.HandleAsync(id, token, ct), "text/calendar; charset=utf-8"))
            .WithName("ExportCalendar").AllowAnonymous();

        properties.MapPost("/calendar-export/rotate", async Task<Ok<ExportUrlResponse>> (Guid id, RotateExportTokenHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).WithName("RotateCalendarExportToken").RequireAuthorization();

        properties.MapPost("/calendars/sync", async Task<Accepted> (Guid id, SyncPropertyCalendarsHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, ct);
            return TypedResults.Accepted((string?)null);
        }).WithName("SyncPropertyCalendars").RequireAuthorization();

        properties.MapGet("/calendar", async Task<Ok<PropertyCalendarResponse>> (Guid id, DateOnly? from, DateOnly? to,
            GetPropertyCalendarHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, from, to, ct))).WithName("GetPropertyCalendar").RequireAuthorization();

        app.MapGet("/calendar/upcoming", async Task<Ok<UpcomingCalendarResponse>> (DateOnly? from, DateOnly? to,
                GetUpcomingCalendarHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(from, to, ct)))
            .WithName("GetUpcomingCalendar").WithTags("Calendars").RequireAuthorization();
    }
}
