using System.Net;
using System.Net.Http.Json;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Security;

/// <summary>Every crew and task endpoint but the public task view refuses a missing token (401) and an unregistered caller (403).</summary>
public sealed class CrewAndTaskEndpointSecurityTests : ApiFixture
{
    private static readonly string Id = Guid.NewGuid().ToString();

    private static IEnumerable<TestCaseData> SecuredEndpoints() =>
    [
        new("GET", $"/properties/{Id}/invitations"), new("POST", $"/properties/{Id}/invitations"),
        new("DELETE", $"/properties/{Id}/invitations/{Id}"), new("GET", $"/properties/{Id}/crew"),
        new("PATCH", $"/properties/{Id}/crew/{Id}"), new("DELETE", $"/properties/{Id}/crew/{Id}"), new("POST", "/invitations/abc/accept"),
        new("GET", "/tasks"), new("POST", "/tasks"), new("GET", $"/tasks/{Id}"), new("PATCH", $"/tasks/{Id}"), new("DELETE", $"/tasks/{Id}"),
        new("POST", $"/tasks/{Id}/start"), new("POST", $"/tasks/{Id}/complete"), new("GET", $"/properties/{Id}/tasks"),
    ];

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "POST" or "PATCH" ? JsonContent.Create(new { notes = "x" }) : null,
    };

    [TestCaseSource(nameof(SecuredEndpoints))]
    public async Task Without_a_token_the_answer_is_401(string method, string path)
    {
        var response = await Anonymous().SendAsync(Request(method, path));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [TestCaseSource(nameof(SecuredEndpoints))]
    public async Task An_unregistered_caller_gets_403(string method, string path)
    {
        var client = WithToken(TestTokens.Mint("unregistered-" + Guid.NewGuid()));

        var problem = await (await client.SendAsync(Request(method, path))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        problem["detail"]!.GetValue<string>().Should().Contain("/auth/register");
    }

    [Test]
    public async Task The_public_task_view_needs_no_token_and_an_unknown_token_is_404()
    {
        await (await Anonymous().GetAsync("/public/tasks/unknown")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
