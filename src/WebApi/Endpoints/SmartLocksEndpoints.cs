using Kasify.Application.Integrations;
using Kasify.Application.SmartLocks;
using Kasify.WebApi.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.WebApi.Endpoints;

/// <summary>Nuki and UniFi integrations, their live device lists, and smart locks on properties (docs/api.md §12).</summary>
public static class SmartLocksEndpoints
{
    public static void MapSmartLockEndpoints(this IEndpointRouteBuilder app)
    {
        var integrations = app.MapGroup("/integrations").WithTags(ApiTags.Integrations).RequireAuthorization();
        foreach (var type in new[] { IntegrationTypes.Nuki, IntegrationTypes.Unifi })
        {
            var label = type == IntegrationTypes.Nuki ? "Nuki" : "Unifi";
            integrations.MapPost($"/{type}", async Task<Created<IntegrationResponse>> (SmartLockIntegrationRequest request,
                CreateSmartLockIntegrationHandler handler, CancellationToken ct) =>
            {
                var integration = await handler.HandleAsync(type, request, ct);
                return TypedResults.Created($"/integrations/{type}/{integration.Id}", integration);
            }).WithName($"Create{label}Integration").WithSummary($"Create an integration of a specific type ({type})").ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);

            integrations.MapPut($"/{type}/{{id:guid}}", async Task<Ok<IntegrationResponse>> (Guid id, SmartLockIntegrationRequest request,
                UpdateSmartLockIntegrationHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(type, id, request, ct))).WithName($"Update{label}Integration").WithSummary($"Update an integration ({type})").ProducesProblem(422).ProducesProblem(503);

            integrations.MapDelete($"/{type}/{{id:guid}}", async Task<NoContent> (Guid id, DeleteSmartLockIntegrationHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(type, id, ct);
                return TypedResults.NoContent();
            }).WithName($"Delete{label}Integration").WithSummary($"Delete an integration ({type})");
        }

        integrations.MapGet("/{id:guid}/nuki/smartlocks", async Task<Ok<IReadOnlyList<NukiSmartlockResponse>>> (Guid id,
            ListVendorDevicesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.NukiAsync(id, ct))).WithName("ListNukiSmartlocks").WithSummary("List Nuki smart locks reachable through an integration").ProducesProblem(422).ProducesProblem(503);

        integrations.MapGet("/{id:guid}/unifi/doors", async Task<Ok<IReadOnlyList<UnifiDoorResponse>>> (Guid id,
            ListVendorDevicesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UnifiAsync(id, ct))).WithName("ListUnifiDoors").WithSummary("List Unifi doors reachable through an integration").ProducesProblem(422).ProducesProblem(503);

        var locks = app.MapGroup("/properties/{propertyId:guid}/smart-locks").WithTags(ApiTags.SmartLocks).RequireAuthorization();

        locks.MapGet("/", async Task<Ok<IReadOnlyList<SmartLockResponse>>> (Guid propertyId, ListPropertySmartLocksHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(propertyId, ct))).WithName("ListPropertySmartLocks").WithSummary("List smart locks for a property with live status");

        locks.MapPost("/", async Task<Created<SmartLockResponse>> (Guid propertyId, AddSmartLockRequest request, AddSmartLockHandler handler,
            CancellationToken ct) =>
        {
            var smartLock = await handler.HandleAsync(propertyId, request, ct);
            return TypedResults.Created($"/properties/{propertyId}/smart-locks/{smartLock.Id}", smartLock);
        }).WithName("AddSmartLock").WithSummary("Add a smart lock to a property").ProducesProblem(409);

        locks.MapDelete("/{lockId:guid}", async Task<NoContent> (Guid propertyId, Guid lockId, RemoveSmartLockHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(propertyId, lockId, ct);
            return TypedResults.NoContent();
        }).WithName("RemoveSmartLock").WithSummary("Remove a smart lock from a property");
    }
}
