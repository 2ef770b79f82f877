using System.Net;
using Kasify.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Accounts;

public sealed class RegistrationTests : ApiFixture
{
    [Test]
    public async Task A_request_without_a_token_gets_a_401_problem_with_a_bearer_challenge()
    {
        var response = await Anonymous().GetAsync("/account");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer");
    }

    [Test]
    public async Task A_token_signed_by_another_issuer_is_refused()
    {
        var client = WithToken(TestTokens.Mint("someone", issuer: "https://evil.example"));

        await (await client.GetAsync("/account")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task An_expired_token_is_refused()
    {
        var client = WithToken(TestTokens.Mint("late", expires: DateTime.UtcNow.AddMinutes(-10)));

        await (await client.GetAsync("/account")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [TestCase("/account")]
    [TestCase("/properties")]
    [TestCase("/account/tokens")]
    public async Task An_unregistered_caller_is_told_to_register(string path)
    {
        var client = WithToken(TestTokens.Mint("not-registered-" + Guid.NewGuid()));

        var problem = await (await client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        problem["detail"]!.GetValue<string>().Should().Contain("/auth/register");
    }

    [Test]
    public async Task Registering_creates_the_user_and_account_from_the_token_claims_once()
    {
        var client = WithToken(TestTokens.Mint("kinde|123", "lucia@example.test", "Lucía", "Pérez"));

        var first = await (await client.PostAsync("/auth/register", null)).ShouldBeAsync(HttpStatusCode.Created);
        var second = await (await client.PostAsync("/auth/register", null)).ShouldBeAsync(HttpStatusCode.OK);

        first["email"]!.GetValue<string>().Should().Be("lucia@example.test");
        first["name"]!.GetValue<string>().Should().Be("Lucía");
        first["last_name"]!.GetValue<string>().Should().Be("Pérez");
        first["properties_count"]!.GetValue<int>().Should().Be(0);
        first["locale"]!.GetValue<string>().Should().Be("es");
        first["timezone"]!.GetValue<string>().Should().Be("Europe/Madrid");
        second["id"]!.ToString().Should().Be(first["id"]!.ToString());
        second["account_id"]!.ToString().Should().Be(first["account_id"]!.ToString());
        (await Api.WithDbAsync(db => db.Users.CountAsync(u => u.Subject == "kinde|123"))).Should().Be(1);
    }

    [Test]
    public async Task Concurrent_first_registrations_make_one_user()
    {
        var token = TestTokens.Mint("racer-" + Guid.NewGuid(), "racer@example.test");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => WithToken(token).PostAsync("/auth/register", null)));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.OK);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.ShouldBeAsync(r.StatusCode))["id"]!.ToString()));
        ids.Distinct().Should().ContainSingle();
    }

    [Test]
    public async Task The_account_can_be_read_and_updated()
    {
        var user = await RegisterAsync();

        var updated = await (await user.Client.PutJsonAsync("/account",
            new { name = "Marta", last_name = "Ruiz", phone = "+34600111222", locale = "en", timezone = "Atlantic/Canary" })).ShouldBeAsync(HttpStatusCode.OK);
        var read = await user.Client.GetObjectAsync("/account");

        updated["name"]!.GetValue<string>().Should().Be("Marta");
        read["last_name"]!.GetValue<string>().Should().Be("Ruiz");
        read["phone"]!.GetValue<string>().Should().Be("+34600111222");
        read["locale"]!.GetValue<string>().Should().Be("en");
        read["timezone"]!.GetValue<string>().Should().Be("Atlantic/Canary");
        read["created_at"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$");
    }

    [Test]
    public async Task An_invalid_locale_or_time_zone_is_a_400_and_changes_nothing()
    {
        var user = await RegisterAsync();

        var problem = await (await user.Client.PutJsonAsync("/account", new { name = "X", locale = "fr", timezone = "Mars/Olympus" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Should().ContainKeys("locale", "timezone");
        (await user.Client.GetObjectAsync("/account"))["name"]!.GetValue<string>().Should().Be("Ana");
    }

    [Test]
    public async Task Only_platform_admins_list_users()
    {
        var admin = await RegisterAsync(admin: true);
        var host = await RegisterAsync();

        var page = await admin.Client.GetObjectAsync("/users?size=100");
        await (await host.Client.GetAsync("/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        page["total"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(2);
        var users = page["users"]!.AsArray();
        users.Select(u => u!["id"]!.ToString()).Should().Contain([admin.Id.ToString(), host.Id.ToString()]);
        users.First(u => u!["id"]!.ToString() == admin.Id.ToString())!["is_admin"]!.GetValue<bool>().Should().BeTrue();
        users[0]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(
            ["id", "email", "name", "last_name", "account_id", "created_at", "last_seen_at", "is_admin"]);
    }

    [Test]
    public async Task An_oversized_page_is_a_400()
    {
        var admin = await RegisterAsync(admin: true);

        var problem = await (await admin.Client.GetAsync("/users?size=101")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Should().ContainKey("size");
    }
}
