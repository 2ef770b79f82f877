using Kasify.Application.Calendars;
using Kasify.WebApi.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.WebApi.Endpoints;

public static class CalendarsEndpoints
{
    public static void MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var properties = app.MapGroup("/properties/{id:guid}");

        properties.MapGet("/calendar.ics", async Task<ContentHttpResult> (Guid id, string? token, ExportCalendarHandler handler, CancellationToken ct) =>
                TypedResults.Text(await handler.HandleAsync(id, token, ct), "text/calendar; charset=utf-8"))
            .WithTags(ApiTags.CalendarFeeds).WithName("ExportCalendar").WithSummary("Export a property's stays as an iCal feed (no auth; secret token)").Produces<string>(StatusCodes.Status200OK, "text/calendar").AllowAnonymous();

        properties.MapPost("/calendar-export/rotate", async Task<Ok<ExportUrlResponse>> (Guid id, RotateExportTokenHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).WithTags(ApiTags.CalendarFeeds).WithName("RotateCalendarExportToken").WithSummary("Replace a property's calendar export token").RequireAuthorization();

        properties.MapPost("/calendars/sync", async Task<Accepted> (Guid id, SyncPropertyCalendarsHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, ct);
            return TypedResults.Accepted((string?)null);
        }).WithTags(ApiTags.CalendarFeeds).WithName("SyncPropertyCalendars").WithSummary("Sync a property's channel calendars now").RequireAuthorization();

        properties.MapGet("/calendar", async Task<Ok<PropertyCalendarResponse>> (Guid id, DateOnly? from, DateOnly? to,
            GetPropertyCalendarHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, from, to, ct))).WithTags(ApiTags.Calendar).WithName("GetPropertyCalendar").WithSummary("List calendar events for a property").RequireAuthorization();

        app.MapGet("/calendar/upcoming", async Task<Ok<UpcomingCalendarResponse>> (DateOnly? from, DateOnly? to,
                GetUpcomingCalendarHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(from, to, ct)))
            .WithName("GetUpcomingCalendar").WithSummary("List upcoming calendar events across accessible properties").WithTags(ApiTags.Calendar).RequireAuthorization();
    }
}
