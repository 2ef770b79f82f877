using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Domain.Properties;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Properties;

/// <summary>Before the commit of a delete or an image change: nothing of the property may outlive it.</summary>
public sealed class PropertyCleanupConsumer(IKasifyDb db, IOutbox outbox)
    : IConsumer<PropertyDeleted>, IConsumer<PropertyCoverImageChanged>
{
    public async Task Consume(ConsumeContext<PropertyDeleted> context)
    {
        var propertyId = context.Message.PropertyId;
        var ct = context.CancellationToken;
        await outbox.CancelForPropertyAsync(propertyId, ct);
        db.Activities.RemoveRange(await db.Activities.Where(a => a.PropertyId == propertyId).ToListAsync(ct));
        var coverId = await db.Properties.Where(p => p.Id == propertyId).Select(p => p.CoverImageFileId).SingleOrDefaultAsync(ct);
        await RemoveFileAsync(coverId, ct);
    }

    public Task Consume(ConsumeContext<PropertyCoverImageChanged> context) => RemoveFileAsync(context.Message.OldFileId, context.CancellationToken);

    private async Task RemoveFileAsync(Guid? fileId, CancellationToken ct)
    {
        if (fileId is null) return;
        var file = await db.StoredFiles.SingleOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is not null) db.StoredFiles.Remove(file);
    }
}
