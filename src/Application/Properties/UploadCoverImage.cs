using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Application.Files;
using Kasify.Domain.Crew;
using Kasify.Domain.Files;

namespace Kasify.Application.Properties;

public sealed record CoverImageUpload(string FileName, long Length, Stream Content);

/// <summary>Replaces the cover image; the previous file is deleted by the <c>PropertyCoverImageChanged</c> consumer.</summary>
[PropertyScope(AccessLevel.Owner, AccessLevel.Manager)]
public sealed class UploadCoverImageHandler(IKasifyDb db, PropertyAccess access, IPublicUrls urls, TimeProvider time)
{
    public async Task<FileResponse> HandleAsync(Guid propertyId, CoverImageUpload upload, CancellationToken ct)
    {
        var property = await access.LoadForChangeAsync(propertyId, ct);

        if (upload.Length > ImageFormats.MaxBytes)
            throw new PayloadTooLargeException($"The image is {upload.Length} bytes; the limit is {ImageFormats.MaxBytes} bytes (5 MiB).");
        var bytes = await ReadAllAsync(upload.Content, ct);
        if (bytes.Length == 0) throw new ValidationFailedException("file", "The file is empty.");
        var contentType = ImageFormats.Sniff(bytes)
            ?? throw new UnsupportedMediaTypeException("The cover image must be a JPEG, PNG or WebP image.");
        // Served publicly: never with the camera's EXIF (GPS position of the home, device, owner name).
        bytes = ImageMetadata.Strip(bytes, contentType)
            ?? throw new ValidationFailedException("file", $"The file starts like {contentType} but is not a well-formed image.");

        var fileName = Path.GetFileName(upload.FileName);
        var file = new StoredFile(property.AccountId, fileName.Length > 200 ? fileName[..200] : fileName, contentType, bytes, time.GetUtcNow().UtcDateTime);
        db.StoredFiles.Add(file);
        property.SetCoverImage(file.Id);
        await db.SaveChangesAsync(ct);
        return new FileResponse(file.Id, urls.File(file.Id), file.OriginalFileName, file.ContentType, file.SizeBytes);
    }

    private static async Task<byte[]> ReadAllAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > ImageFormats.MaxBytes)
            throw new PayloadTooLargeException($"The image is larger than {ImageFormats.MaxBytes} bytes (5 MiB).");
        return buffer.ToArray();
    }
}
