using Kasify.Application.Timeline;
using Kasify.WebApi.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kasify.WebApi.Endpoints;

public static class TimelineEndpoints
{
    public static void MapTimelineEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/timeline").WithTags(ApiTags.Timeline).RequireAuthorization();

        group.MapGet("/upcoming", async Task<Ok<IReadOnlyList<TimelineDay>>> (int? days, GetUpcomingTimelineHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(days, ct))).WithName("GetUpcomingTimeline").WithSummary("Upcoming timeline grouped by day");

        group.MapGet("/activity", async Task<Ok<ActivitiesPage>> (int? page, int? size, [FromQuery(Name = "property_id")] Guid? propertyId,
            ListActivitiesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(page, size, propertyId, ct))).WithName("ListActivities").WithSummary("Paginated activity feed");
    }
}
