using System.Net;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Crew;

public sealed class InvitationTests : ApiFixture
{
    private static readonly string[] InvitationKeys =
        ["id", "propertyId", "token", "uses", "maxUses", "createdAt", "expiresAt", "acceptedAt", "accessLevel", "email", "locale", "service"];

    [Test]
    public async Task An_invitation_is_camelCase_with_one_use_and_seven_days_by_default()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());

        var invitation = await owner.InviteAsync(propertyId, "staff");

        invitation.Select(p => p.Key).Should().Equal(InvitationKeys);
        invitation["propertyId"]!.ToString().Should().Be(propertyId.ToString());
        invitation["token"]!.GetValue<string>().Should().MatchRegex("^[A-Za-z0-9_-]{43}$");
        invitation["uses"]!.GetValue<int>().Should().Be(0);
        invitation["maxUses"]!.GetValue<int>().Should().Be(1);
        invitation["accessLevel"]!.GetValue<string>().Should().Be("staff");
        invitation["acceptedAt"].Should().BeNull();
        var now = Api.Clock.GetUtcNow().UtcDateTime;
        DateTime.Parse(invitation["expiresAt"]!.GetValue<string>()).ToUniversalTime().Should().Be(now.AddDays(7));
        var listed = (await owner.Client.GetAsync($"/properties/{propertyId}/invitations"));
        (await listed.Content.ReadAsStringAsync()).Should().Contain(invitation["token"]!.GetValue<string>());
    }

    [Test]
    public async Task Bad_invitations_are_400_per_field_and_nothing_is_stored()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());

        var problem = await (await owner.Client.PostJsonAsync($"/properties/{propertyId}/invitations",
            new { accessLevel = "owner", maxUses = 0, expiresAt = "2020-01-01T00:00:00Z", email = "nope", locale = "fr" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors().Select(e => e.Key).Should().BeEquivalentTo(["accessLevel", "maxUses", "expiresAt", "email", "locale"]);
        await (await owner.Client.PostJsonAsync($"/properties/{propertyId}/invitations", new { accessLevel = "janitor" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.Client.PostJsonAsync($"/properties/{propertyId}/invitations", new { maxUses = 2 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        (await Api.WithDbAsync(db => db.PropertyInvitations.CountAsync(i => i.PropertyId == propertyId))).Should().Be(0);
    }

    [Test]
    public async Task Only_the_owner_invites_managers_and_staff_cannot_invite_at_all()
    {
        var owner = await RegisterAsync();
        var manager = await RegisterAsync();
        var staff = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());
        await owner.JoinAsync(propertyId, manager, "manager");
        await owner.JoinAsync(propertyId, staff, "staff");

        await (await manager.Client.PostJsonAsync($"/properties/{propertyId}/invitations", new { accessLevel = "manager" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var byManager = await manager.InviteAsync(propertyId, "contractor");
        await (await staff.Client.PostJsonAsync($"/properties/{propertyId}/invitations", new { accessLevel = "staff" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.Client.GetAsync($"/properties/{propertyId}/invitations")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        await (await manager.Client.DeleteAsync($"/properties/{propertyId}/invitations/{byManager["id"]}")).ShouldBeAsync(HttpStatusCode.NoContent);
    }

    [Test]
    public async Task Accepting_is_refused_clearly_when_revoked_expired_used_up_or_bound_to_another_email()
    {
        var owner = await RegisterAsync();
        var first = await RegisterAsync();
        var second = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());

        var revoked = await owner.InviteAsync(propertyId, "staff");
        await (await owner.Client.DeleteAsync($"/properties/{propertyId}/invitations/{revoked["id"]}")).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await first.AcceptAsync(revoked["token"]!.ToString())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await first.AcceptAsync("no-such-token")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var bound = await owner.InviteAsync(propertyId, "staff", new { accessLevel = "staff", email = second.Email.ToUpperInvariant() });
        (await (await first.AcceptAsync(bound["token"]!.ToString())).ShouldBeProblemAsync(HttpStatusCode.Forbidden))["detail"]!.ToString().Should().Contain("email");

        var single = await owner.InviteAsync(propertyId, "staff");
        await (await second.AcceptAsync(single["token"]!.ToString())).ShouldBeAsync(HttpStatusCode.OK);
        (await (await first.AcceptAsync(single["token"]!.ToString())).ShouldBeProblemAsync(HttpStatusCode.Conflict))["detail"]!.ToString().Should().Contain("used up");

        var expiring = await owner.InviteAsync(propertyId, "contractor", new { accessLevel = "contractor", expiresAt = Api.Clock.GetUtcNow().UtcDateTime.AddHours(1) });
        Api.Clock.Advance(TimeSpan.FromHours(2));
        (await (await first.AcceptAsync(expiring["token"]!.ToString())).ShouldBeProblemAsync(HttpStatusCode.Conflict))["detail"]!.ToString().Should().Contain("expired");

        (await Api.WithDbAsync(db => db.PropertyMembers.CountAsync(m => m.PropertyId == propertyId && m.UserId == first.Id))).Should().Be(0);
    }

    [Test]
    public async Task An_existing_member_accepting_again_gets_200_and_no_second_membership_nor_a_spent_use()
    {
        var owner = await RegisterAsync();
        var staff = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(Properties.PropertyRequests.Minimal("Casa Verde"));
        var invitation = await owner.InviteAsync(propertyId, "staff", new { accessLevel = "staff", maxUses = 3 });
        var token = invitation["token"]!.ToString();

        var accepted = await (await staff.AcceptAsync(token)).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.AcceptAsync(token)).ShouldBeAsync(HttpStatusCode.OK);
        await (await owner.AcceptAsync(token)).ShouldBeAsync(HttpStatusCode.OK);

        accepted.Select(p => p.Key).Should().Equal("propertyId", "propertyName");
        accepted["propertyName"]!.GetValue<string>().Should().Be("Casa Verde");
        (await Api.WithDbAsync(db => db.PropertyMembers.CountAsync(m => m.PropertyId == propertyId))).Should().Be(1);
        (await Api.WithDbAsync(db => db.PropertyInvitations.SingleAsync(i => i.Token == token))).Uses.Should().Be(1);
    }

    [Test]
    public async Task Two_concurrent_accepts_of_a_single_use_invitation_give_one_membership_and_one_409()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());
        for (var round = 0; round < 3; round++)
        {
            var a = await RegisterAsync();
            var b = await RegisterAsync();
            var token = (await owner.InviteAsync(propertyId, "staff"))["token"]!.ToString();

            var responses = await Task.WhenAll(a.AcceptAsync(token), b.AcceptAsync(token));

            responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
            var members = await Api.WithDbAsync(db => db.PropertyMembers.CountAsync(m => m.PropertyId == propertyId && (m.UserId == a.Id || m.UserId == b.Id)));
            members.Should().Be(1);
            (await Api.WithDbAsync(db => db.PropertyInvitations.SingleAsync(i => i.Token == token))).Uses.Should().Be(1);
        }
    }

    [Test]
    public async Task The_same_user_accepting_twice_at_once_gets_one_membership_and_spends_one_use()
    {
        var owner = await RegisterAsync();
        var user = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());
        var token = (await owner.InviteAsync(propertyId, "staff", new { accessLevel = "staff", maxUses = 5 }))["token"]!.ToString();

        var responses = await Task.WhenAll(user.AcceptAsync(token), user.AcceptAsync(token), user.AcceptAsync(token));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        (await Api.WithDbAsync(db => db.PropertyMembers.CountAsync(m => m.PropertyId == propertyId && m.UserId == user.Id))).Should().Be(1);
        (await Api.WithDbAsync(db => db.PropertyInvitations.SingleAsync(i => i.Token == token))).Uses.Should().Be(1);
    }
}
