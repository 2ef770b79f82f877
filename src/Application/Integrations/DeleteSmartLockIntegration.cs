using Kasify.Application.AccessCodes;
using Kasify.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Integrations;

/// <summary>
/// Owner only. Its smart locks leave their properties; their live codes are revoked on the vendor now, while the
/// credentials still exist (best effort: a vendor failure is noted on the code, which is revoked on our side anyway).
/// </summary>
[AccountOwnerScope(IntegrationAccess.OwnerOnly)]
public sealed class DeleteSmartLockIntegrationHandler(IKasifyDb db, UseCaseCaller caller, IntegrationAccess access, AccessCodeRevoker revoker)
{
    public async Task HandleAsync(string type, Guid id, CancellationToken ct)
    {
        SmartLockIntegrationTypes.Require(type);
        var owner = caller.User;
        var integration = await access.LoadForChangeAsync(owner, type, id, ct);

        var codes = await db.AccessCodes.Where(c => c.IntegrationId == id && c.Status != Domain.AccessCodes.AccessCodeStatus.Revoked).ToListAsync(ct);
        foreach (var code in codes) await revoker.RevokeBestEffortAsync(code, integration, ct);

        db.SmartLocks.RemoveRange(await db.SmartLocks.Where(l => l.IntegrationId == id).ToListAsync(ct));
        db.Integrations.Remove(integration);
        await db.SaveChangesAsync(ct);
    }
}
