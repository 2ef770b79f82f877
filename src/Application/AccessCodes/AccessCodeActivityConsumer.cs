using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.AccessCodes;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.AccessCodes;

/// <summary>
/// Access code events → timeline rows (never with the PIN). A code revoked with its property, or closed without ever
/// reaching its lock, is not announced: the property is going away, or the code's failure already was.
/// </summary>
public sealed class AccessCodeActivityConsumer(IKasifyDb db, ActivityLog activities)
    : IConsumer<AccessCodeActivated>, IConsumer<AccessCodeFailed>, IConsumer<AccessCodeRevoked>
{
    public Task Consume(ConsumeContext<AccessCodeActivated> context) =>
        WriteAsync(AccessCodeActivities.Created, $"Access code created on {context.Message.SmartLockName}",
            context.Message.AccessCodeId, context.Message.PropertyId, context.CancellationToken);

    public Task Consume(ConsumeContext<AccessCodeFailed> context) =>
        WriteAsync(AccessCodeActivities.Failed, $"Access code failed on {context.Message.SmartLockName}: {context.Message.Reason}",
            context.Message.AccessCodeId, context.Message.PropertyId, context.CancellationToken);

    public Task Consume(ConsumeContext<AccessCodeRevoked> context) =>
        context.Message.Revocation != AccessCodeRevocation.Removed
            ? Task.CompletedTask
            : WriteAsync(AccessCodeActivities.Revoked, $"Access code revoked on {context.Message.SmartLockName}",
                context.Message.AccessCodeId, context.Message.PropertyId, context.CancellationToken);

    private async Task WriteAsync(string kind, string summary, Guid accessCodeId, Guid propertyId, CancellationToken ct)
    {
        var propertyName = await db.Properties.Where(p => p.Id == propertyId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        await activities.WriteAsync(kind, summary, "access_code", accessCodeId, propertyId, propertyName, ct);
    }
}
