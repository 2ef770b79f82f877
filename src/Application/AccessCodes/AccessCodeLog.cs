using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.AccessCodes;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.AccessCodes;

/// <summary>Timeline rows of a code's life (never with its PIN).</summary>
public sealed class AccessCodeLog(IKasifyDb db, ActivityLog activities)
{
    public Task CreatedAsync(AccessCode code, CancellationToken ct) =>
        WriteAsync(code, AccessCodeActivities.Created, $"Access code created on {code.SmartLockName}", ct);

    public Task FailedAsync(AccessCode code, CancellationToken ct) =>
        WriteAsync(code, AccessCodeActivities.Failed, $"Access code failed on {code.SmartLockName}: {code.LastError}", ct);

    /// <summary>The lock could not be reached: the code is not live yet and the job retries (an admin also sees the failed job).</summary>
    public Task RetryingAsync(AccessCode code, CancellationToken ct) =>
        WriteAsync(code, AccessCodeActivities.Failed, $"Access code not yet on {code.SmartLockName}: {code.LastError}; retrying", ct);

    public Task RevokedAsync(AccessCode code, CancellationToken ct) =>
        WriteAsync(code, AccessCodeActivities.Revoked, $"Access code revoked on {code.SmartLockName}", ct);

    private async Task WriteAsync(AccessCode code, string kind, string summary, CancellationToken ct)
    {
        var propertyName = await db.Properties.Where(p => p.Id == code.PropertyId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        await activities.WriteAsync(kind, summary, "access_code", code.Id, code.PropertyId, propertyName, ct);
    }
}
