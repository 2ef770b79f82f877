using Kasify.Application.Common;
using Kasify.Domain.AccessCodes;
using Kasify.Domain.Properties;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.AccessCodes;

/// <summary>
/// Before a property is deleted (docs/api.md §4): its live codes are removed from the locks now, while the rows that say
/// where they are still exist. A lock that cannot be reached does not block the deletion: a job that outlives the rows
/// keeps retrying the removal until the lock confirms it.
/// </summary>
public sealed class RevokeCodesOfDeletedPropertyConsumer(IKasifyDb db, AccessCodeRevoker revoker) : IConsumer<PropertyDeleted>
{
    public async Task Consume(ConsumeContext<PropertyDeleted> context)
    {
        var ct = context.CancellationToken;
        var codes = await db.AccessCodes.Where(c => c.PropertyId == context.Message.PropertyId && c.Status != AccessCodeStatus.Revoked).ToListAsync(ct);
        var integrationIds = codes.Select(c => c.IntegrationId).Distinct().ToList();
        var integrations = await db.Integrations.Where(i => integrationIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        foreach (var code in codes)
        {
            if (integrations.TryGetValue(code.IntegrationId, out var integration))
                await revoker.RevokeForDeletedPropertyAsync(code, integration, ct);
        }
    }
}
