using Kasify.Application.Crew;
using Kasify.Application.Properties;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.WebApi.Endpoints;

/// <summary>Crew and invitations (API.md §11).</summary>
public static class CrewEndpoints
{
    public static void MapCrewEndpoints(this IEndpointRouteBuilder app)
    {
        var property = app.MapGroup("/properties/{id:guid}").WithTags("Crew").RequireAuthorization();

        property.MapGet("/invitations", async Task<Ok<IReadOnlyList<InvitationResponse>>> (Guid id, ListInvitationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).WithName("ListInvitations");

        property.MapPost("/invitations", async Task<Created<InvitationResponse>> (Guid id, InvitationRequest request, CreateInvitationHandler handler, CancellationToken ct) =>
        {
            var invitation = await handler.HandleAsync(id, request, ct);
            return TypedResults.Created($"/properties/{id}/invitations/{invitation.Id}", invitation);
        }).WithName("CreateInvitation");

        property.MapDelete("/invitations/{invitationId:guid}", async Task<NoContent> (Guid id, Guid invitationId, RevokeInvitationHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, invitationId, ct);
            return TypedResults.NoContent();
        }).WithName("RevokeInvitation");

        property.MapGet("/crew", async Task<Ok<IReadOnlyList<PropertyMemberResponse>>> (Guid id, ListCrewHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).WithName("ListCrew");

        property.MapPatch("/crew/{userId:guid}", async Task<Ok<PropertyMemberResponse>> (Guid id, Guid userId, MemberChange change, ChangeMemberHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, userId, change, ct))).WithName("ChangeCrewMember");

        property.MapDelete("/crew/{userId:guid}", async Task<NoContent> (Guid id, Guid userId, RemoveMemberHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, userId, ct);
            return TypedResults.NoContent();
        }).WithName("RemoveCrewMember");

        app.MapPost("/invitations/{token}/accept", async Task<Ok<InvitationAccepted>> (string token, AcceptInvitationHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(token, ct))).WithName("AcceptInvitation").WithTags("Crew").RequireAuthorization();
    }
}
