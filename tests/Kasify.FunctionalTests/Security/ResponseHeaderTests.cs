using System.Net;
using Kasify.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kasify.FunctionalTests.Security;

public sealed class ResponseHeaderTests : ApiFixture
{
    private static IEnumerable<string> Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values
        : response.Content.Headers.TryGetValues(name, out var content) ? content : [];

    [TestCase("/health/live")]
    [TestCase("/openapi.json")]
    [TestCase("/no-such-page")]
    [TestCase("/account")]
    public async Task Every_answer_says_nosniff_and_no_referrer(string path)
    {
        var response = await Anonymous().GetAsync(path);

        Header(response, "X-Content-Type-Options").Should().Equal("nosniff");
        Header(response, "Referrer-Policy").Should().Equal("no-referrer");
    }

    [Test]
    public async Task A_public_token_page_says_no_referrer_so_the_token_does_not_leak()
    {
        var response = await Anonymous().GetAsync($"/public/tasks/{Guid.NewGuid():N}");

        Header(response, "Referrer-Policy").Should().Equal("no-referrer");
    }

    [Test]
    public async Task Authenticated_json_must_not_be_stored_by_caches()
    {
        var host = await RegisterAsync();

        var account = await host.Client.GetAsync("/account");
        var problem = await host.Client.GetAsync($"/properties/{Guid.NewGuid()}");

        account.Headers.CacheControl!.NoStore.Should().BeTrue();
        problem.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Test]
    public async Task Hsts_is_sent_over_https_only()
    {
        var https = Api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var secure = await https.GetAsync("/health/live");
        var plain = await Anonymous().GetAsync("/health/live");

        Header(secure, "Strict-Transport-Security").Should().ContainSingle().Which.Should().StartWith("max-age=");
        Header(plain, "Strict-Transport-Security").Should().BeEmpty();
    }

    [Test]
    public async Task No_origin_may_call_from_a_browser_by_default()
    {
        var response = await Anonymous().SendAsync(CorsRequests.Preflight("https://dashboard.example", "/properties"));

        Header(response, "Access-Control-Allow-Origin").Should().BeEmpty();
    }
}

public sealed class ConfiguredCorsTests : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cors:AllowedOrigins:0"] = "https://dashboard.example",
    };

    [Test]
    public async Task A_configured_origin_may_call_and_others_may_not()
    {
        var allowed = await Anonymous().SendAsync(CorsRequests.Preflight("https://dashboard.example", "/properties"));
        var other = await Anonymous().SendAsync(CorsRequests.Preflight("https://evil.example", "/properties"));

        allowed.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://dashboard.example");
        other.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Test]
    public async Task A_cross_origin_call_from_a_configured_origin_still_needs_a_token()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/properties");
        request.Headers.Add("Origin", "https://dashboard.example");

        var response = await Anonymous().SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://dashboard.example");
    }
}

internal static class CorsRequests
{
    public static HttpRequestMessage Preflight(string origin, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return request;
    }
}
