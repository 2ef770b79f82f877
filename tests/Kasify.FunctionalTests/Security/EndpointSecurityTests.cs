using System.Net;
using System.Net.Http.Json;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Security;

/// <summary>Every secured endpoint refuses a missing token (401) and an unregistered caller (403), before touching data.</summary>
public sealed class EndpointSecurityTests : ApiFixture
{
    private static readonly string Id = Guid.NewGuid().ToString();

    private static IEnumerable<TestCaseData> SecuredEndpoints() =>
    [
        new("GET", "/account"), new("PUT", "/account"), new("GET", "/account/tokens"), new("POST", "/account/tokens"),
        new("DELETE", $"/account/tokens/{Id}"), new("GET", "/users"), new("POST", "/admin/dashboard-sessions"),
        new("GET", "/properties"), new("POST", "/properties"), new("GET", $"/properties/{Id}"), new("PUT", $"/properties/{Id}"),
        new("DELETE", $"/properties/{Id}"), new("POST", $"/properties/{Id}/cover-image"), new("DELETE", $"/properties/{Id}/cover-image"),
        new("GET", "/bookings"), new("GET", $"/bookings/{Id}"), new("PATCH", $"/bookings/{Id}"), new("GET", $"/properties/{Id}/bookings"),
        new("POST", $"/properties/{Id}/bookings"), new("GET", $"/properties/{Id}/bookings/current"),
        new("POST", $"/properties/{Id}/calendars/sync"), new("POST", $"/properties/{Id}/calendar-export/rotate"),
        new("GET", $"/properties/{Id}/calendar"), new("GET", "/calendar/upcoming"), new("GET", "/timeline/upcoming"),
        new("GET", "/timeline/activity"),
    ];

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = path.EndsWith("cover-image") && method == "POST"
            ? new MultipartFormDataContent { { new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]), "file", "a.png" } }
            : method is "POST" or "PUT" or "PATCH" ? JsonContent.Create(new { name = "x" }) : null,
    };

    [TestCaseSource(nameof(SecuredEndpoints))]
    public async Task Without_a_token_the_answer_is_401(string method, string path)
    {
        var response = await Anonymous().SendAsync(Request(method, path));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
    }

    [TestCaseSource(nameof(SecuredEndpoints))]
    public async Task An_unregistered_caller_gets_403(string method, string path)
    {
        var client = WithToken(TestTokens.Mint("unregistered-" + Guid.NewGuid()));

        var problem = await (await client.SendAsync(Request(method, path))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        problem["detail"]!.GetValue<string>().Should().Contain("/auth/register");
    }

    [Test]
    public async Task Registering_needs_a_token_too()
    {
        await (await Anonymous().PostAsync("/auth/register", null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
