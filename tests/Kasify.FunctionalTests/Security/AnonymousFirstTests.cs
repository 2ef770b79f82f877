using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Security;

/// <summary>A secured endpoint tells an anonymous caller 401 before anything else: not 405, 415, 400 or 404.</summary>
public sealed partial class AnonymousFirstTests : ApiFixture
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<List<(string Method, string Path)>> SecuredOperationsAsync()
    {
        var document = JsonNode.Parse(await Anonymous().GetStringAsync("/openapi.json"))!;
        var operations = new List<(string, string)>();
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var method in Methods)
                if (item![method] is { } operation && operation["security"] is JsonArray { Count: > 0 })
                    operations.Add((method.ToUpperInvariant(), Parameter().Replace(path, Guid.NewGuid().ToString())));
        return operations;
    }

    private static HttpContent? Body(string method, string mediaType) =>
        method is "POST" or "PUT" or "PATCH" ? new StringContent(mediaType == "application/json" ? "{}" : "x", Encoding.UTF8, mediaType) : null;

    [TestCase("application/json")]
    [TestCase("text/plain")]
    public async Task Every_secured_operation_of_the_OpenAPI_document_answers_401_to_an_anonymous_caller(string mediaType)
    {
        var operations = await SecuredOperationsAsync();
        var wrong = new List<string>();

        foreach (var (method, path) in operations)
        {
            var response = await Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Body(method, mediaType) });
            if (response.StatusCode != HttpStatusCode.Unauthorized || response.Headers.WwwAuthenticate.ToString() != "Bearer")
                wrong.Add($"{method} {path} → {(int)response.StatusCode}");
        }

        operations.Should().HaveCountGreaterThan(50, "the walk must cover the whole document");
        wrong.Should().BeEmpty();
    }

    [Test]
    public async Task An_anonymous_cover_image_upload_with_a_json_body_gets_401_not_415()
    {
        var response = await Anonymous().PostAsJsonAsync($"/properties/{Guid.NewGuid()}/cover-image", new { name = "x" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_registered_caller_still_learns_the_cover_image_wants_a_form()
    {
        var host = await RegisterAsync();

        var response = await host.Client.PostAsJsonAsync($"/properties/{Guid.NewGuid()}/cover-image", new { name = "x" });

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task An_anonymous_caller_using_a_method_a_secured_path_lacks_gets_401_not_405()
    {
        await (await Anonymous().PatchAsync("/account", JsonContent.Create(new { }))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task An_unregistered_caller_gets_403_before_415()
    {
        var client = WithToken(TestTokens.Mint("unregistered-" + Guid.NewGuid()));

        var response = await client.PostAsJsonAsync($"/properties/{Guid.NewGuid()}/cover-image", new { name = "x" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_public_endpoint_still_answers_415_to_a_wrong_content_type()
    {
        var response = await Anonymous().PostAsync($"/checkin/{Guid.NewGuid():N}/guests", new StringContent("x", Encoding.UTF8, "text/plain"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
