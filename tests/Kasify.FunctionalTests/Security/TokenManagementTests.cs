using System.Net;
using Kasify.Application.Accounts;
using Kasify.Domain.Accounts;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Security;

/// <summary>A personal access token is a scripting credential: it cannot mint or revoke tokens, nor act as an admin.</summary>
public sealed class TokenManagementTests : ApiFixture
{
    private async Task<(TestUser User, HttpClient Pat, string TokenId)> UserWithTokenAsync(bool admin = false)
    {
        var user = await RegisterAsync(admin: admin);
        var created = await (await user.Client.PostJsonAsync("/account/tokens", new { name = "ci" })).ShouldBeAsync(HttpStatusCode.Created);
        return (user, WithToken(created["token"]!.GetValue<string>()), created["id"]!.GetValue<string>());
    }

    [Test]
    public async Task A_personal_access_token_cannot_create_another_token()
    {
        var (user, pat, _) = await UserWithTokenAsync();

        var problem = await (await pat.PostJsonAsync("/account/tokens", new { name = "minted" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        problem["detail"]!.GetValue<string>().Should().Contain("sign in");
        (await Api.WithDbAsync(db => Task.FromResult(db.PersonalAccessTokens.Count(t => t.UserId == user.Id)))).Should().Be(1);
    }

    [Test]
    public async Task A_personal_access_token_cannot_revoke_a_token()
    {
        var (_, pat, tokenId) = await UserWithTokenAsync();

        await (await pat.DeleteAsync($"/account/tokens/{tokenId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        await (await pat.GetAsync("/account")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_personal_access_token_can_still_list_tokens()
    {
        var (_, pat, tokenId) = await UserWithTokenAsync();

        var list = await (await pat.GetAsync("/account/tokens")).Content.ReadAsStringAsync();

        list.Should().Contain(tokenId);
    }

    [Test]
    public async Task A_token_created_without_an_expiry_expires_after_the_maximum_lifetime()
    {
        var user = await RegisterAsync();
        var now = Api.Clock.GetUtcNow().UtcDateTime;

        var created = await (await user.Client.PostJsonAsync("/account/tokens", new { name = "ci" })).ShouldBeAsync(HttpStatusCode.Created);
        var pat = WithToken(created["token"]!.GetValue<string>());

        created["expires_at"]!.GetValue<DateTime>().Should().BeCloseTo(now.AddDays(365), TimeSpan.FromSeconds(1));
        await (await pat.GetAsync("/account")).ShouldBeAsync(HttpStatusCode.OK);
        Api.Clock.Advance(TimeSpan.FromDays(366));
        await (await pat.GetAsync("/account")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task An_expiry_beyond_the_maximum_lifetime_is_refused()
    {
        var user = await RegisterAsync();
        var tooLate = Api.Clock.GetUtcNow().UtcDateTime.AddDays(400);

        var problem = await (await user.Client.PostJsonAsync("/account/tokens", new { name = "forever", expires_at = tooLate }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Should().ContainKey("expires_at");
    }

    [Test]
    public async Task A_never_expiring_token_from_before_the_limit_stops_working_once_older_than_the_maximum_lifetime()
    {
        var user = await RegisterAsync();
        var now = Api.Clock.GetUtcNow().UtcDateTime;
        var oldRaw = PersonalAccessTokens.NewToken();
        var recentRaw = PersonalAccessTokens.NewToken();
        await Api.WithDbAsync(async db =>
        {
            db.PersonalAccessTokens.Add(new PersonalAccessToken(user.Id, "old", PersonalAccessTokens.Hash(oldRaw), oldRaw[..12], now.AddDays(-366), null));
            db.PersonalAccessTokens.Add(new PersonalAccessToken(user.Id, "recent", PersonalAccessTokens.Hash(recentRaw), recentRaw[..12], now.AddDays(-10), null));
            await db.SaveChangesAsync();
        });

        await (await WithToken(oldRaw).GetAsync("/account")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await WithToken(recentRaw).GetAsync("/account")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task An_admins_personal_access_token_carries_no_admin_rights()
    {
        var (admin, pat, _) = await UserWithTokenAsync(admin: true);

        await (await admin.Client.GetAsync("/users")).ShouldBeAsync(HttpStatusCode.OK);
        await (await pat.GetAsync("/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await pat.PostAsync("/admin/dashboard-sessions", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await pat.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Using_an_admins_personal_access_token_does_not_take_away_their_admin_flag()
    {
        var (admin, pat, _) = await UserWithTokenAsync(admin: true);
        Api.Clock.Advance(TimeSpan.FromMinutes(10));

        await (await pat.GetAsync("/account")).ShouldBeAsync(HttpStatusCode.OK);

        (await Api.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == admin.Id).IsAdmin))).Should().BeTrue();
    }
}
