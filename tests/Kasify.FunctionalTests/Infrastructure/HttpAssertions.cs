using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kasify.FunctionalTests.Infrastructure;

public static class HttpAssertions
{
    public static async Task<JsonObject> ShouldBeAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, "the body was: {0}", body);
        return string.IsNullOrWhiteSpace(body) || !body.TrimStart().StartsWith('{') ? new JsonObject() : JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Asserts an RFC 9457 problem with the given status, and returns it.</summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.ShouldBeAsync(status);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        problem["status"]!.GetValue<int>().Should().Be((int)status);
        problem["title"].Should().NotBeNull();
        return problem;
    }

    public static JsonObject Errors(this JsonObject problem) => problem["errors"]!.AsObject();

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) => client.PutAsJsonAsync(url, body);

    public static async Task<JsonObject> GetObjectAsync(this HttpClient client, string url) =>
        await (await client.GetAsync(url)).ShouldBeAsync(HttpStatusCode.OK);
}
