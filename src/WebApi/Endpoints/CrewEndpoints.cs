using Kasify.Application.Crew;
using Kasify.Application.Properties;
using Kasify.WebApi.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.WebApi.Endpoints;

/// <summary>Crew and invitations (docs/api.md §11).</summary>
public static class CrewEndpoints
{
    public static void MapCrewEndpoints(this IEndpointRouteBuilder app)
    {
        var property = app.MapGroup("/properties/{id:guid}").WithTags(ApiTags.PropertyMembers).RequireAuthorization();

        property.MapGet("/invitations", async Task<Ok<IReadOnlyList<InvitationResponse>>> (Guid id, ListInvitationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).WithName("ListInvitations").WithSummary("List invitations for a property");

        property.MapPost("/invitations", async Task<Created<InvitationResponse>> (Guid id, InvitationRequest request, CreateInvitationHandler handler, CancellationToken ct) =>
        {
            var invitation = await handler.HandleAsync(id, request, ct);
            return TypedResults.Created($"/properties/{id}/invitations/{invitation.Id}", invitation);
        }).WithName("CreateInvitation").WithSummary("Create a crew invitation for a property");

        property.MapDelete("/invitations/{invitationId:guid}", async Task<NoContent> (Guid id, Guid invitationId, RevokeInvitationHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, invitationId, ct);
            return TypedResults.NoContent();
        }).WithName("RevokeInvitation").WithSummary("Revoke an invitation");

        property.MapGet("/crew", async Task<Ok<IReadOnlyList<PropertyMemberResponse>>> (Guid id, ListCrewHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).WithName("ListCrew").WithSummary("List crew members for a property");

        property.MapPatch("/crew/{userId:guid}", async Task<Ok<PropertyMemberResponse>> (Guid id, Guid userId, MemberChange change, ChangeMemberHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, userId, change, ct))).WithName("ChangeCrewMember").WithSummary("Update a crew member's access level");

        property.MapDelete("/crew/{userId:guid}", async Task<NoContent> (Guid id, Guid userId, RemoveMemberHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, userId, ct);
            return TypedResults.NoContent();
        }).WithName("RemoveCrewMember").WithSummary("Remove a crew member from a property");

        app.MapPost("/invitations/{token}/accept", async Task<Ok<InvitationAccepted>> (string token, AcceptInvitationHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(token, ct))).WithName("AcceptInvitation").WithSummary("Accept a crew invitation").ProducesProblem(409).WithTags(ApiTags.PropertyMembers).RequireAuthorization();
    }
}
