using Kasify.Application.Common;
using Kasify.Domain.Files;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Files;

/// <summary>Public: the id is unguessable (random v4), so knowing it is the permission.</summary>
public sealed class GetFileHandler(IKasifyDb db)
{
    public async Task<StoredFile> HandleAsync(Guid fileId, CancellationToken ct) =>
        await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, ct) ?? throw new NotFoundException("File");
}
