using Kasify.Application.Common;

namespace Kasify.Application.Integrations;

/// <summary>Owner only. Reports already sent stay sent; new completions are no longer reported.</summary>
[AccountOwnerScope(IntegrationAccess.OwnerOnly)]
public sealed class DeleteSesIntegrationHandler(IKasifyDb db, UseCaseCaller caller, IntegrationAccess access)
{
    public async Task HandleAsync(Guid id, CancellationToken ct)
    {
        var owner = caller.User;
        var integration = await access.LoadForChangeAsync(owner, IntegrationTypes.Ses, id, ct);
        db.Integrations.Remove(integration);
        await db.SaveChangesAsync(ct);
    }
}
