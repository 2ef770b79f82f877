using Kasify.Application.Common;
using Kasify.Application.Files;
using Kasify.Application.Properties;
using Kasify.WebApi.OpenApi;
using Kasify.WebApi.Uploads;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.WebApi.Endpoints;

public static class PropertiesEndpoints
{
    public static void MapPropertyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/properties").WithTags(ApiTags.Properties).RequireAuthorization();

        group.MapGet("/", async Task<Ok<PropertiesPage>> (int? page, int? size, ListPropertiesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(PageRequest.From(page, size), ct))).WithName("ListProperties").WithSummary("List properties accessible to the caller");

        group.MapPost("/", async Task<Created<PropertyResponse>> (PropertyRequest request, CreatePropertyHandler handler, CancellationToken ct) =>
        {
            var property = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/properties/{property.Id}", property);
        }).WithName("CreateProperty").WithSummary("Create a property");

        group.MapGet("/{id:guid}", async Task<Ok<PropertyResponse>> (Guid id, GetPropertyHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).WithName("GetProperty").WithSummary("Get a property by id");

        group.MapPut("/{id:guid}", async Task<Ok<PropertyResponse>> (Guid id, PropertyRequest request, UpdatePropertyHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, request, ct))).WithName("UpdateProperty").WithSummary("Update a property");

        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, DeletePropertyHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, ct);
            return TypedResults.NoContent();
        }).WithName("DeleteProperty").WithSummary("Delete a property");

        group.MapPost("/{id:guid}/cover-image", UploadCoverImage).WithName("UploadCoverImage").WithSummary("Upload a cover image for a property").ProducesProblem(413).ProducesProblem(415).DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data");

        group.MapDelete("/{id:guid}/cover-image", async Task<NoContent> (Guid id, DeleteCoverImageHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, ct);
            return TypedResults.NoContent();
        }).WithName("DeleteCoverImage").WithSummary("Remove the cover image for a property");
    }

    private static async Task<Created<FileResponse>> UploadCoverImage(Guid id, CoverImageForm form, UploadCoverImageHandler handler, CancellationToken ct)
    {
        await using var content = form.File.OpenReadStream();
        var saved = await handler.HandleAsync(id, new CoverImageUpload(form.File.FileName, form.File.Length, content), ct);
        return TypedResults.Created(saved.Url, saved);
    }

    /// <summary>
    /// The upload, read while binding: a wrong media type or size is answered (415/413/400) like any malformed input,
    /// before the use-case pipeline checks the caller's role on the property.
    /// </summary>
    private sealed record CoverImageForm(IFormFile File)
    {
        public static async ValueTask<CoverImageForm?> BindAsync(HttpContext http)
        {
            var request = http.Request;
            var ct = http.RequestAborted;
            if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                throw new UnsupportedMediaTypeException("Send the image as multipart/form-data with one file part named 'file'.");
            const long limit = ImageFormats.MaxBytes + 64 * 1024; // the image plus the multipart framing
            if (request.ContentLength > limit)
                throw new PayloadTooLargeException($"The upload is larger than the {ImageFormats.MaxBytes} bytes (5 MiB) allowed for an image.");
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server) server.MaxRequestBodySize = limit;
            request.Body = new SizeLimitedStream(request.Body, limit);
            IFormCollection form;
            try { form = await request.ReadFormAsync(ct); }
            catch (Exception e) when (e is InvalidDataException or (IOException and not BadHttpRequestException) && !ct.IsCancellationRequested)
            {
                throw new ValidationFailedException("file", "The body is not a well-formed multipart/form-data upload.");
            }
            return new CoverImageForm(form.Files.GetFile("file") ?? throw new ValidationFailedException("file", "A file part named 'file' is required."));
        }
    }
}
