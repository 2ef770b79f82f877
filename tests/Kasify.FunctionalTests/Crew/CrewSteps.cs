using System.Net;
using System.Text.Json.Nodes;
using Kasify.Domain.Crew;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Crew;

/// <summary>Crew set up over HTTP (invite, accept) or, when a test is not about invitations, straight in the database.</summary>
public static class CrewSteps
{
    public static async Task<JsonObject> InviteAsync(this TestUser inviter, Guid propertyId, string accessLevel, object? extra = null)
    {
        var body = extra ?? new { accessLevel };
        return await (await inviter.Client.PostJsonAsync($"/properties/{propertyId}/invitations", body)).ShouldBeAsync(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> AcceptAsync(this TestUser user, string token) =>
        user.Client.PostAsync($"/invitations/{token}/accept", null);

    /// <summary>Invites <paramref name="member"/> as <paramref name="accessLevel"/> and has them accept.</summary>
    public static async Task JoinAsync(this TestUser owner, Guid propertyId, TestUser member, string accessLevel, string? service = null)
    {
        var invitation = await owner.InviteAsync(propertyId, accessLevel, new { accessLevel, service });
        await (await member.AcceptAsync(invitation["token"]!.ToString())).ShouldBeAsync(HttpStatusCode.OK);
    }

    /// <summary>Adds <paramref name="userId"/> to the crew without an invitation.</summary>
    public static Task AddMemberAsync(this KasifyApiFactory api, Guid propertyId, Guid userId, AccessLevel level, CrewService? service = null) =>
        api.WithDbAsync(async db =>
        {
            db.PropertyMembers.Add(new PropertyMember(propertyId, userId, level, service, api.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });
}
