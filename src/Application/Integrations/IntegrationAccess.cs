using Kasify.Application.Common;
using Kasify.Domain.Accounts;
using Kasify.Domain.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Integrations;

/// <summary>Integrations belong to an account and only its owner manages them; another account's are 404.</summary>
public sealed class IntegrationAccess(IKasifyDb db, ICurrentUser current, CredentialCheckLimiter credentialChecks)
{
    /// <summary>The account owner, before a request that makes us try credentials at a vendor (429 when too many).</summary>
    public async Task<User> RequireOwnerToCheckCredentialsAsync(CancellationToken ct)
    {
        var owner = await RequireAccountOwnerAsync(ct);
        credentialChecks.Acquire(owner.AccountId);
        return owner;
    }

    public async Task<User> RequireAccountOwnerAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (!await db.Accounts.AnyAsync(a => a.Id == user.AccountId && a.OwnerUserId == user.Id, ct))
            throw new ForbiddenException("Only the owner of the account manages its integrations.");
        return user;
    }

    public async Task<Integration> LoadForChangeAsync(User owner, string type, Guid id, CancellationToken ct) =>
        await db.Integrations.SingleOrDefaultAsync(i => i.Id == id && i.Type == type && i.AccountId == owner.AccountId, ct)
        ?? throw new NotFoundException("Integration");
}
