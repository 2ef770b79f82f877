using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.Integrations;

namespace Kasify.Application.Integrations;

/// <summary>Owner only. A Nuki or UniFi integration, stored only after the vendor accepted the credentials (422/503 otherwise).</summary>
[AccountOwnerScope(IntegrationAccess.OwnerOnly)]
public sealed class CreateSmartLockIntegrationHandler(IKasifyDb db, UseCaseCaller caller, IntegrationAccess access, SmartLockIntegrationValidator validator,
    SmartLockCredentialStore store, IntegrationReader reader, ActivityLog activities, TimeProvider time)
{
    public async Task<IntegrationResponse> HandleAsync(string type, SmartLockIntegrationRequest request, CancellationToken ct)
    {
        SmartLockIntegrationTypes.Require(type);
        var owner = caller.User;
        access.AcquireCredentialCheck(owner);
        var valid = await validator.ValidateAsync(type, request, ct);

        var integration = Integration.Create(owner.AccountId, type, valid.Name, valid.SettingsJson, store.Protect(valid.Credentials),
            time.GetUtcNow().UtcDateTime);
        db.Integrations.Add(integration);
        await activities.WriteAsync(IntegrationActivities.Connected, $"{SmartLockIntegrationValidator.VendorLabel(type)} connected: {valid.Name}",
            "integration", integration.Id, null, null, ct);
        await db.SaveChangesAsync(ct);
        return await reader.ReadOneAsync(owner.AccountId, integration.Id, ct);
    }
}
