using Kasify.Application.Files;
using Kasify.WebApi.OpenApi;
using Microsoft.Net.Http.Headers;

namespace Kasify.WebApi.Endpoints;

public static class FilesEndpoints
{
    public static void MapFileEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/files/{id:guid}", async (Guid id, GetFileHandler handler, HttpContext http, CancellationToken ct) =>
        {
            var file = await handler.HandleAsync(id, ct);
            // Content never changes under an id (a new upload gets a new id), so caches may keep it for good.
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.File(file.Content, file.ContentType, lastModified: file.CreatedAt,
                entityTag: new EntityTagHeaderValue($"\"{file.Id:N}\""));
        }).WithTags(ApiTags.Files).WithName("GetFile").WithSummary("Download a stored file (no auth; unguessable id)").AllowAnonymous();
}
