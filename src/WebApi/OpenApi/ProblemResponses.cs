using Kasify.WebApi.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Kasify.WebApi.OpenApi;

/// <summary>
/// Documents every operation's 4xx (and declared 5xx) answers as RFC 9457 problems. The ones any endpoint of its kind can give
/// (bad input, no token, not allowed, not found, wrong media type, rate limited) are derived from the endpoint;
/// the ones only its handler knows (409, 410, 413, 422, …) come from <c>.ProducesProblem(status)</c> on the endpoint.
/// </summary>
internal static class ProblemResponses
{
    public const string SchemaId = "ProblemDetails";
    public const string MediaType = "application/problem+json";

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "Malformed input, or a field fails validation (`errors` names the fields).",
        [401] = "No token, or the token is invalid or expired.",
        [403] = "Authenticated but not allowed: not registered yet, or the caller's role does not allow this.",
        [404] = "Not found, or not visible to the caller.",
        [409] = "Conflicts with the current state of the resource.",
        [410] = "Gone: the link has closed.",
        [413] = "The payload is too large.",
        [415] = "The body's media type is not accepted.",
        [422] = "Well-formed, but rejected by a business rule or by a third party.",
        [429] = "Rate limited; retry after the number of seconds in `Retry-After`.",
        [503] = "A vendor could not be reached; try again later.",
    };

    public static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var secured = EndpointAccess.IsSecured(metadata);
        var parameters = operation.Parameters ?? [];
        operation.Responses ??= [];

        var statuses = new SortedSet<int>(operation.Responses.Keys
            .Select(k => int.TryParse(k, out var s) ? s : 0).Where(s => s >= 400));
        if (operation.RequestBody is not null || parameters.Any(p => p.In == ParameterLocation.Query)) statuses.Add(400);
        if (secured) statuses.Add(401);
        if (secured && !EndpointAccess.AnyTokenWillDo(metadata)) statuses.Add(403);
        if (parameters.Any(p => p.In == ParameterLocation.Path)) statuses.Add(404);
        if (operation.RequestBody is not null) statuses.Add(415);
        if (secured || metadata.OfType<EnableRateLimitingAttribute>().Any()) statuses.Add(429); // tokens are limited per token too

        foreach (var status in statuses) operation.Responses[status.ToString()] = Response(status, context.Document);
        return Task.CompletedTask;
    }

    private static OpenApiResponse Response(int status, OpenApiDocument? document)
    {
        var response = new OpenApiResponse
        {
            Description = Descriptions.GetValueOrDefault(status, "The request was refused."),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [MediaType] = new() { Schema = new OpenApiSchemaReference(SchemaId, document) },
            },
        };
        if (status == 401)
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["WWW-Authenticate"] = new OpenApiHeader { Description = "`Bearer`, with the reason when a token was sent.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        if (status == 429)
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before the next request.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" } },
            };
        return response;
    }

    /// <summary>The problem body of docs/api.md §1; handlers may add members (e.g. <c>traceId</c>).</summary>
    public static OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "A URI reference that identifies the problem type." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "A short summary of the problem type." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "What went wrong with this request, in words a user can act on." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "A URI reference to this occurrence." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Validation failures only: messages per field.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };
}

/// <summary>Who may call an endpoint, read from its metadata as the authorization middleware does.</summary>
internal static class EndpointAccess
{
    public static bool IsSecured(IList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();

    /// <summary>Only a valid token is needed (no registered user, no role): such an endpoint never answers 403.</summary>
    public static bool AnyTokenWillDo(IList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().All(a => a.Policy == AuthSetup.AnyTokenPolicy);
}
