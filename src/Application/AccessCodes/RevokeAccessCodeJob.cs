using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.AccessCodes;

/// <summary>The <c>access_code.revoke_code</c> job: remove one code from its lock (retried by the outbox while the vendor is down).</summary>
public sealed class RevokeAccessCodeJob(IKasifyDb db, AccessCodeRevoker revoker) : IOutboxJobHandler<RevokeAccessCode>
{
    public string Kind => RevokeAccessCode.Kind;

    public async Task HandleAsync(RevokeAccessCode job, CancellationToken ct)
    {
        var code = await db.AccessCodes.SingleOrDefaultAsync(c => c.Id == job.AccessCodeId, ct);
        if (code is null) return;
        try
        {
            await revoker.RevokeAsync(code, ct);
        }
        finally
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
