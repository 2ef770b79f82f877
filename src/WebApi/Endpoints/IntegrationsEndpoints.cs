using Kasify.Application.Integrations;
using Kasify.WebApi.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.WebApi.Endpoints;

/// <summary>Integrations (docs/api.md §12). The SES routes live here; Nuki and UniFi add theirs next to them.</summary>
public static class IntegrationsEndpoints
{
    public static void MapIntegrationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/integrations").WithTags(ApiTags.Integrations).RequireAuthorization();

        group.MapGet("/", async Task<Ok<IReadOnlyList<IntegrationResponse>>> (ListIntegrationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(null, ct))).WithName("ListIntegrations").WithSummary("List all integrations configured for the account");

        group.MapGet("/{type}", async Task<Ok<IReadOnlyList<IntegrationResponse>>> (string type, ListIntegrationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(type, ct))).WithName("ListIntegrationsOfType").WithSummary("List integrations of a specific type");

        group.MapPost("/ses", async Task<Created<IntegrationResponse>> (SesIntegrationRequest request, CreateSesIntegrationHandler handler, CancellationToken ct) =>
        {
            var integration = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/integrations/ses/{integration.Id}", integration);
        }).WithName("CreateSesIntegration").WithSummary("Create an integration of a specific type (ses)").ProducesProblem(409).ProducesProblem(422);

        group.MapPut("/ses/{id:guid}", async Task<Ok<IntegrationResponse>> (Guid id, SesIntegrationRequest request,
            UpdateSesIntegrationHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, request, ct))).WithName("UpdateSesIntegration").WithSummary("Update an integration (ses)").ProducesProblem(422);

        group.MapDelete("/ses/{id:guid}", async Task<NoContent> (Guid id, DeleteSesIntegrationHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, ct);
            return TypedResults.NoContent();
        }).WithName("DeleteSesIntegration").WithSummary("Delete an integration (ses)");
    }
}
