using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Kasify.WebApi.OpenApi;

/// <summary>
/// OpenAPI 3.1 generated from the endpoints, made complete enough to lint clean (Redocly recommended) and to
/// generate a client from: tags with descriptions, bearer security only where required (<c>security: []</c>
/// elsewhere), problem responses, parameter descriptions, request examples. How to document a new endpoint:
/// docs/development.md.
/// </summary>
public static class OpenApiSetup
{
    public const string SchemeId = "Bearer";

    public static IServiceCollection AddKasifyOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.AddOperationTransformer((operation, context, _) =>
            {
                operation.Security = EndpointAccess.IsSecured(context.Description.ActionDescriptor.EndpointMetadata)
                    ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] }]
                    : []; // an explicit "no auth", so a client never sends the token to a public endpoint
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, _, _) =>
            {
                // Numbers are written as JSON numbers; reading "2" too is leniency, not the contract a client should code to.
                if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0)
                {
                    schema.Type = type & ~JsonSchemaType.String;
                    schema.Pattern = null;
                }
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(ParameterDocs.Apply);
            o.AddOperationTransformer(RequestBodies.Apply);
            o.AddOperationTransformer(ProblemResponses.Apply);
            o.AddDocumentTransformer((document, context, _) =>
            {
                Describe(document);
                if (context.ApplicationServices.GetRequiredService<IConfiguration>()["PublicBaseUrl"] is { Length: > 0 } publicUrl)
                    document.Servers = [new OpenApiServer { Url = publicUrl.TrimEnd('/') }]; // behind a proxy, the address clients use
                RequestSchemas.Apply(document);
                return Task.CompletedTask;
            });
        });

    /// <summary>Scalar opens with the bearer scheme selected, so a pasted token is sent at once.</summary>
    public static void ConfigureReference(ScalarOptions options) =>
        options.WithTitle("Kasify API").WithOpenApiRoutePattern("/openapi.json").AddPreferredSecuritySchemes([SchemeId]);

    private static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Kasify API",
            Version = "v1",
            Description = "Operations backend for short-term-rental hosts: properties, bookings, crew, tasks, smart locks, check-in. "
                + "Errors are RFC 9457 problem details; where this document goes beyond the published reference is listed in docs/api-notes.md.",
        };
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT or kas_pat_ personal access token",
            Description = "An OpenID Connect access token (JWT), or a personal access token from POST /account/tokens.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemResponses.SchemaId] = ProblemResponses.Schema();
        document.Components.Schemas.Remove("JsonObject"); // raw bodies, replaced by their declared type
        document.Components.Schemas.Remove("IFormFile");  // replaced by the multipart file part

        var used = (document.Paths?.Values.AsEnumerable() ?? []).SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(
            ApiTags.All.Where(t => used.Contains(t.Name)).Select(t => new OpenApiTag { Name = t.Name, Description = t.Description })
                .Concat(used.Where(u => ApiTags.All.All(t => t.Name != u)).Select(u => new OpenApiTag { Name = u })));
    }
}
