using Kasify.Application.Common;
using Kasify.Application.Integrations;
using Kasify.Application.Jobs;
using Kasify.Application.SmartLocks.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kasify.Application.AccessCodes;

/// <summary>
/// The <c>access_code.check</c> job. Nuki accepts a new code without an id: look for it on the lock by name; found →
/// active with its id; still missing after <see cref="AccessCodeOptions.MaxChecks"/> checks → failed with a reason.
/// A resumed check (see <see cref="CheckAccessCode.Resume"/>) that finds nothing hands the code back for submitting.
/// </summary>
public sealed class CheckAccessCodeJob(IKasifyDb db, SmartLockCredentialStore store, ISmartLockVendorRegistry vendors,
    IOutbox outbox, IOptions<AccessCodeOptions> options, TimeProvider time) : IOutboxJobHandler<CheckAccessCode>
{
    public string Kind => CheckAccessCode.Kind;

    public async Task HandleAsync(CheckAccessCode job, CancellationToken ct)
    {
        var code = await db.AccessCodes.SingleOrDefaultAsync(c => c.Id == job.AccessCodeId, ct);
        if (code is null || !code.AwaitsVendorId) return;
        var integration = await db.Integrations.SingleOrDefaultAsync(i => i.Id == code.IntegrationId, ct);
        if (integration is null) return;

        var found = await vendors.Get(code.Vendor).FindCodeAsync(store.Read(integration), code.ExternalLockId, code.LockName, ct);
        if (found is not null)
        {
            code.Activate(found);
            return;
        }

        if (job.Resume)
        {
            code.SubmissionFailed("The code was submitted before a stop and is not on the lock; submitting it again.");
            await outbox.EnqueueAsync(ProvisionAccessCodes.Kind, new ProvisionAccessCodes(code.BookingId), propertyId: code.PropertyId,
                dedupKey: $"{ProvisionAccessCodes.Kind}:{code.BookingId}:resume", ct: ct);
            return;
        }

        var checks = code.RecordCheck();
        if (checks >= options.Value.MaxChecks)
        {
            code.Fail($"The lock accepted the code but it never appeared on it after {checks} checks; is the lock (or its bridge) online?");
            return;
        }
        await outbox.EnqueueAsync(CheckAccessCode.Kind, job, time.GetUtcNow().UtcDateTime + options.Value.CheckInterval, code.PropertyId, ct: ct);
    }
}
