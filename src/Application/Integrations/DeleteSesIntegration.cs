using Kasify.Application.Common;

namespace Kasify.Application.Integrations;

/// <summary>Owner only. Reports already sent stay sent; new completions are no longer reported.</summary>
public sealed class DeleteSesIntegrationHandler(IKasifyDb db, IntegrationAccess access)
{
    public async Task HandleAsync(Guid id, CancellationToken ct)
    {
        var owner = await access.RequireAccountOwnerAsync(ct);
        var integration = await access.LoadForChangeAsync(owner, IntegrationTypes.Ses, id, ct);
        db.Integrations.Remove(integration);
        await db.SaveChangesAsync(ct);
    }
}
