using Kasify.Application.Common;
using Kasify.Application.Ses;
using Kasify.WebApi.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.WebApi.Endpoints;

public static class SesEndpoints
{
    public static void MapSesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ses/reports", async Task<Ok<SesReportsPage>> (string? status, int? page, int? size, ListSesReportsHandler handler,
                CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(status, PageRequest.From(page, size), ct)))
            .RequireAuthorization().WithTags(ApiTags.Ses).WithName("ListSesReports")
            .WithSummary("SES report states across the caller's properties (owner, manager), most urgent first");

        app.MapPost("/bookings/{id:guid}/ses/resend", async Task<Accepted<SesReportView>> (Guid id, ResendSesReportHandler handler,
                CancellationToken ct) => TypedResults.Accepted($"/bookings/{id}", await handler.HandleAsync(id, ct)))
            .RequireAuthorization().WithTags(ApiTags.Ses).WithName("ResendSesReport")
            .WithSummary("Send the stay's SES report again (owner, manager); an accepted one is cancelled first (anulación)")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
