using System.Net;
using System.Text.Json.Nodes;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;

namespace Kasify.FunctionalTests.Crew;

/// <summary>Crew set up over HTTP: create a property, invite, accept.</summary>
public static class CrewFlows
{
    public static async Task<Guid> CreatePropertyAsync(this TestUser owner, object? body = null)
    {
        var created = await (await owner.Client.PostJsonAsync("/properties", body ?? PropertyRequests.Minimal())).ShouldBeAsync(HttpStatusCode.Created);
        return Guid.Parse(created["id"]!.ToString());
    }

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
}
