using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace Kasify.WebApi.OpenApi;

/// <summary>OpenAPI 3.1 generated from the endpoints; bearer security only on operations that require it.</summary>
public static class OpenApiSetup
{
    private const string SchemeId = "Bearer";

    public static IServiceCollection AddKasifyOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Kasify API",
                    Version = "v1",
                    Description = "Operations backend for short-term-rental hosts: properties, bookings, crew, tasks, smart locks, check-in.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT or kas_pat_ personal access token",
                    Description = "An OpenID Connect access token (JWT), or a personal access token from POST /account/tokens.",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
                if (secured)
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [],
                    });
                }
                return Task.CompletedTask;
            });
        });
}
