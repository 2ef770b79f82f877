using Kasify.Application.Common;

namespace Kasify.Application.Integrations;

/// <summary>Owner only. Replaces name, settings and credentials after SES accepts them (422 if not); the integration is active again.</summary>
[AccountOwnerScope(IntegrationAccess.OwnerOnly)]
public sealed class UpdateSesIntegrationHandler(IKasifyDb db, UseCaseCaller caller, IntegrationAccess access, SesIntegrationValidator validator,
    SesIntegrationReader store, IntegrationReader reader, TimeProvider time)
{
    public async Task<IntegrationResponse> HandleAsync(Guid id, SesIntegrationRequest request, CancellationToken ct)
    {
        var owner = caller.User;
        access.AcquireCredentialCheck(owner);
        var integration = await access.LoadForChangeAsync(owner, IntegrationTypes.Ses, id, ct);
        var valid = await validator.ValidateAsync(request, ct);

        integration.Replace(valid.Name, SesIntegrationReader.SettingsJson(valid), store.ProtectCredentials(valid), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await reader.ReadOneAsync(owner.AccountId, id, ct);
    }
}
