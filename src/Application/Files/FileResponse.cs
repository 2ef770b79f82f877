namespace Kasify.Application.Files;

public sealed record FileResponse(Guid Id, string Url, string OriginalFilename, string ContentType, long SizeBytes);
