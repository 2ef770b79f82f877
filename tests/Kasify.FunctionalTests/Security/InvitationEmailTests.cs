using System.Net;
using System.Net.Http.Json;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Security;

/// <summary>Invitations sent to an address, and users whose token says that address and maybe whether it is verified.</summary>
public abstract class InvitationEmailFixture : ApiFixture
{
    protected const string InvitedEmail = "invited@example.test";

    /// <summary>A registered user whose JWT says <c>email = invited@…</c> and <paramref name="emailVerified"/>.</summary>
    protected async Task<TestUser> RegisterInvitedAsync(bool? emailVerified)
    {
        var subject = "invited-" + Guid.NewGuid().ToString("N")[..12];
        var client = WithToken(TestTokens.Mint(subject, InvitedEmail, "Iva", null, emailVerified: emailVerified));
        var account = (await (await client.PostAsync("/auth/register", null)).ShouldBeAsync(HttpStatusCode.Created));
        return new TestUser(client, Guid.Parse(account["id"]!.ToString()), Guid.Parse(account["account_id"]!.ToString()), subject, InvitedEmail);
    }

    protected async Task<(Guid PropertyId, string Token)> InviteByEmailAsync()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());
        var invitation = await owner.InviteAsync(propertyId, "staff", new { accessLevel = "staff", email = InvitedEmail });
        return (propertyId, invitation["token"]!.ToString());
    }

    protected Task<bool> IsMemberAsync(Guid propertyId, Guid userId) =>
        Api.WithDbAsync(db => db.PropertyMembers.AnyAsync(m => m.PropertyId == propertyId && m.UserId == userId));
}

/// <summary>An invitation sent to an address goes only to someone whose identity provider vouches for that address.</summary>
public sealed class InvitationEmailTests : InvitationEmailFixture
{
    [Test]
    public async Task A_token_saying_the_email_is_not_verified_cannot_accept_an_invitation_sent_to_that_email()
    {
        var (propertyId, token) = await InviteByEmailAsync();
        var claimant = await RegisterInvitedAsync(emailVerified: false);

        var problem = await (await claimant.AcceptAsync(token)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        problem["detail"]!.ToString().Should().Contain("verified");
        (await IsMemberAsync(propertyId, claimant.Id)).Should().BeFalse();
    }

    [Test]
    public async Task A_verified_email_accepts_the_invitation()
    {
        var (propertyId, token) = await InviteByEmailAsync();
        var invited = await RegisterInvitedAsync(emailVerified: true);

        await (await invited.AcceptAsync(token)).ShouldBeAsync(HttpStatusCode.OK);

        (await IsMemberAsync(propertyId, invited.Id)).Should().BeTrue();
    }

    [Test]
    public async Task Without_the_claim_the_email_is_trusted_by_default()
    {
        var (propertyId, token) = await InviteByEmailAsync();
        var invited = await RegisterInvitedAsync(emailVerified: null);

        await (await invited.AcceptAsync(token)).ShouldBeAsync(HttpStatusCode.OK);

        (await IsMemberAsync(propertyId, invited.Id)).Should().BeTrue();
    }

    [Test]
    public async Task A_personal_access_token_cannot_accept_an_invitation_sent_to_an_email()
    {
        var (propertyId, token) = await InviteByEmailAsync();
        var invited = await RegisterInvitedAsync(emailVerified: true);
        var created = await (await invited.Client.PostAsJsonAsync("/account/tokens", new { name = "ci" })).ShouldBeAsync(HttpStatusCode.Created);
        var pat = WithToken(created["token"]!.ToString());

        await (await pat.PostAsync($"/invitations/{token}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await IsMemberAsync(propertyId, invited.Id)).Should().BeFalse();
    }

    [Test]
    public async Task An_open_invitation_needs_no_verified_email()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());
        var invitation = await owner.InviteAsync(propertyId, "staff");
        var member = await RegisterInvitedAsync(emailVerified: false);

        await (await member.AcceptAsync(invitation["token"]!.ToString())).ShouldBeAsync(HttpStatusCode.OK);
    }
}

public sealed class RequiredVerifiedEmailTests : InvitationEmailFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Invitations:RequireVerifiedEmail"] = "true" };

    [Test]
    public async Task When_required_a_token_without_the_claim_cannot_accept()
    {
        var (propertyId, token) = await InviteByEmailAsync();
        var claimant = await RegisterInvitedAsync(emailVerified: null);

        await (await claimant.AcceptAsync(token)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await IsMemberAsync(propertyId, claimant.Id)).Should().BeFalse();
    }
}
