using Kasify.Application.Common;
using Kasify.Domain.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Integrations;

/// <summary>Owner only. One SES integration per account (409 for a second); credentials checked with SES first (422).</summary>
[AccountOwnerScope(IntegrationAccess.OwnerOnly)]
public sealed class CreateSesIntegrationHandler(IKasifyDb db, UseCaseCaller caller, IntegrationAccess access, SesIntegrationValidator validator,
    SesIntegrationReader store, IntegrationReader reader, TimeProvider time)
{
    public async Task<IntegrationResponse> HandleAsync(SesIntegrationRequest request, CancellationToken ct)
    {
        var owner = caller.User;
        access.AcquireCredentialCheck(owner);
        if (await db.Integrations.AnyAsync(i => i.AccountId == owner.AccountId && i.Type == IntegrationTypes.Ses, ct))
            throw new ConflictException("This account already has an SES integration; replace it with PUT.");
        var valid = await validator.ValidateAsync(request, ct);

        var integration = Integration.Create(owner.AccountId, IntegrationTypes.Ses, valid.Name,
            SesIntegrationReader.SettingsJson(valid), store.ProtectCredentials(valid), time.GetUtcNow().UtcDateTime);
        db.Integrations.Add(integration);
        await db.SaveChangesAsync(ct);
        return await reader.ReadOneAsync(owner.AccountId, integration.Id, ct);
    }
}
