using Kasify.Application.Common;

namespace Kasify.Application.Integrations;

/// <summary>Owner only. Replaces name and credentials after the vendor accepted them; the integration is active again.</summary>
[AccountOwnerScope(IntegrationAccess.OwnerOnly)]
public sealed class UpdateSmartLockIntegrationHandler(IKasifyDb db, UseCaseCaller caller, IntegrationAccess access, SmartLockIntegrationValidator validator,
    SmartLockCredentialStore store, IntegrationReader reader, TimeProvider time)
{
    public async Task<IntegrationResponse> HandleAsync(string type, Guid id, SmartLockIntegrationRequest request, CancellationToken ct)
    {
        SmartLockIntegrationTypes.Require(type);
        var owner = caller.User;
        access.AcquireCredentialCheck(owner);
        var integration = await access.LoadForChangeAsync(owner, type, id, ct);
        var valid = await validator.ValidateAsync(type, request, ct);

        integration.Replace(valid.Name, valid.SettingsJson, store.Protect(valid.Credentials), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await reader.ReadOneAsync(owner.AccountId, id, ct);
    }
}
