using Kasify.Application.AccessCodes;
using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Domain.AccessCodes;
using Kasify.Domain.Crew;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.SmartLocks;

/// <summary>Owner only. The lock leaves the property; its live codes become <c>revoking</c> and a job removes each from the lock.</summary>
[PropertyScope(AccessLevel.Owner)]
public sealed class RemoveSmartLockHandler(IKasifyDb db, IOutbox outbox)
{
    public async Task HandleAsync(Guid propertyId, Guid lockId, CancellationToken ct)
    {
        var smartLock = await db.SmartLocks.SingleOrDefaultAsync(l => l.Id == lockId && l.PropertyId == propertyId, ct)
                        ?? throw new NotFoundException("Smart lock");

        var codes = await db.AccessCodes.Where(c => c.SmartLockId == lockId && c.Status != AccessCodeStatus.Revoked).ToListAsync(ct);
        foreach (var code in codes)
        {
            code.StartRevoking();
            await outbox.EnqueueAsync(RevokeAccessCode.Kind, new RevokeAccessCode(code.Id), propertyId: propertyId,
                dedupKey: $"{RevokeAccessCode.Kind}:{code.Id}", ct: ct);
        }
        db.SmartLocks.Remove(smartLock);
        await db.SaveChangesAsync(ct);
    }
}
