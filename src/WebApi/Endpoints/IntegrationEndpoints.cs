using Kasify.Application.Integrations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.WebApi.Endpoints;

/// <summary>Integrations (API.md §12). The SES routes live here; Nuki and UniFi add theirs next to them.</summary>
public static class IntegrationEndpoints
{
    public static void MapIntegrationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/integrations").WithTags("Integrations").RequireAuthorization();

        group.MapGet("/", async Task<Ok<IReadOnlyList<IntegrationResponse>>> (ListIntegrationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(null, ct))).WithName("ListIntegrations");

        group.MapGet("/{type}", async Task<Ok<IReadOnlyList<IntegrationResponse>>> (string type, ListIntegrationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(type, ct))).WithName("ListIntegrationsOfType");

        group.MapPost("/ses", async Task<Created<IntegrationResponse>> (SesIntegrationRequest request, CreateSesIntegrationHandler handler, CancellationToken ct) =>
        {
            var integration = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/integrations/ses/{integration.Id}", integration);
        }).WithName("CreateSesIntegration");

        group.MapPut("/ses/{id:guid}", async Task<Ok<IntegrationResponse>> (Guid id, SesIntegrationRequest request,
            UpdateSesIntegrationHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, request, ct))).WithName("UpdateSesIntegration");

        group.MapDelete("/ses/{id:guid}", async Task<NoContent> (Guid id, DeleteSesIntegrationHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, ct);
            return TypedResults.NoContent();
        }).WithName("DeleteSesIntegration");
    }
}
