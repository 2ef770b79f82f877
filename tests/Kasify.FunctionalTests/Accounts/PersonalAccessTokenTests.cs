using System.Net;
using System.Text.Json.Nodes;
using Kasify.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Accounts;

public sealed class PersonalAccessTokenTests : ApiFixture
{
    private async Task<(TestUser User, JsonObject Created)> CreateTokenAsync(object? body = null)
    {
        var user = await RegisterAsync();
        var created = await (await user.Client.PostJsonAsync("/account/tokens", body ?? new { name = "CI" })).ShouldBeAsync(HttpStatusCode.Created);
        return (user, created);
    }

    [Test]
    public async Task A_new_token_is_shown_once_and_stored_only_as_a_hash()
    {
        var (user, created) = await CreateTokenAsync();
        var raw = created["token"]!.GetValue<string>();

        raw.Should().MatchRegex("^kas_pat_[0-9A-Za-z]{43}$");
        created["token_prefix"]!.GetValue<string>().Should().Be(raw[..12]);
        var listed = (await (await user.Client.GetAsync("/account/tokens")).ShouldBeAsync(HttpStatusCode.OK)).ToString();
        var list = JsonNode.Parse(await (await user.Client.GetAsync("/account/tokens")).Content.ReadAsStringAsync())!.AsArray();
        list.Should().ContainSingle();
        list[0]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["id", "name", "token_prefix", "created_at", "last_used_at", "expires_at"]);
        listed.Should().NotContain(raw);
        var stored = await Api.WithDbAsync(db => db.PersonalAccessTokens.SingleAsync(t => t.UserId == user.Id));
        stored.TokenHash.Should().NotContain(raw).And.HaveLength(64);
    }

    [Test]
    public async Task A_token_works_as_a_bearer_until_it_is_revoked()
    {
        var (user, created) = await CreateTokenAsync();
        var pat = WithToken(created["token"]!.GetValue<string>());

        (await pat.GetObjectAsync("/account"))["id"]!.ToString().Should().Be(user.Id.ToString());
        await (await user.Client.DeleteAsync($"/account/tokens/{created["id"]}")).ShouldBeAsync(HttpStatusCode.NoContent);

        await (await pat.GetAsync("/account")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Using_a_token_records_when_it_was_last_used()
    {
        var (user, created) = await CreateTokenAsync();

        await WithToken(created["token"]!.GetValue<string>()).GetObjectAsync("/account");

        var list = JsonNode.Parse(await user.Client.GetStringAsync("/account/tokens"))!.AsArray();
        list[0]!["last_used_at"].Should().NotBeNull();
    }

    [Test]
    public async Task An_expired_token_is_refused()
    {
        var (_, created) = await CreateTokenAsync(new { name = "short", expires_at = Api.Clock.GetUtcNow().AddHours(1).UtcDateTime });
        Api.Clock.Advance(TimeSpan.FromHours(2));

        await (await WithToken(created["token"]!.GetValue<string>()).GetAsync("/account")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task An_unknown_token_is_refused()
    {
        await (await WithToken("kas_pat_" + new string('a', 43)).GetAsync("/account")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_token_needs_a_name_and_a_future_expiry()
    {
        var user = await RegisterAsync();

        var problem = await (await user.Client.PostJsonAsync("/account/tokens", new { expires_at = "2000-01-01T00:00:00Z" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Should().ContainKeys("name", "expires_at");
        (await Api.WithDbAsync(db => db.PersonalAccessTokens.CountAsync(t => t.UserId == user.Id))).Should().Be(0);
    }

    [Test]
    public async Task Another_users_token_cannot_be_revoked()
    {
        var (_, created) = await CreateTokenAsync();
        var stranger = await RegisterAsync();

        await (await stranger.Client.DeleteAsync($"/account/tokens/{created["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        await (await WithToken(created["token"]!.GetValue<string>()).GetAsync("/account")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_token_is_limited_to_100_requests_a_minute()
    {
        var (_, created) = await CreateTokenAsync();
        var pat = WithToken(created["token"]!.GetValue<string>());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 101; i++) statuses.Add((await pat.GetAsync("/account")).StatusCode);
        var limited = await pat.GetAsync("/account");

        statuses.Take(100).Should().OnlyContain(s => s == HttpStatusCode.OK);
        statuses[100].Should().Be(HttpStatusCode.TooManyRequests);
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.Should().NotBeNull();
    }
}
