using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Domain.Properties;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Properties;

/// <summary>
/// Before the commit of an archive (delete) or an image change: the property's pending jobs stop and its old cover
/// file goes. Its activities stay, like its stays and guests: they are the record of what was reported.
/// </summary>
public sealed class PropertyCleanupConsumer(IKasifyDb db, IOutbox outbox)
    : IConsumer<PropertyDeleted>, IConsumer<PropertyCoverImageChanged>
{
    public Task Consume(ConsumeContext<PropertyDeleted> context) =>
        outbox.CancelForPropertyAsync(context.Message.PropertyId, context.CancellationToken);

    public Task Consume(ConsumeContext<PropertyCoverImageChanged> context) => RemoveFileAsync(context.Message.OldFileId, context.CancellationToken);

    private async Task RemoveFileAsync(Guid? fileId, CancellationToken ct)
    {
        if (fileId is null) return;
        var file = await db.StoredFiles.SingleOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is not null) db.StoredFiles.Remove(file);
    }
}
