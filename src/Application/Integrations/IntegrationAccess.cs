using Kasify.Application.Common;
using Kasify.Domain.Accounts;
using Kasify.Domain.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Integrations;

/// <summary>Integrations belong to an account and only its owner manages them; another account's are 404.</summary>
public sealed class IntegrationAccess(IKasifyDb db, CredentialCheckLimiter credentialChecks)
{
    public const string OwnerOnly = "Only the owner of the account manages its integrations.";

    /// <summary>Before a request that makes us try credentials at a vendor (429 when too many for the account).</summary>
    public void AcquireCredentialCheck(User owner) => credentialChecks.Acquire(owner.AccountId);

    public async Task<Integration> LoadForChangeAsync(User owner, string type, Guid id, CancellationToken ct) =>
        await db.Integrations.SingleOrDefaultAsync(i => i.Id == id && i.Type == type && i.AccountId == owner.AccountId, ct)
        ?? throw new NotFoundException("Integration");
}
