using Kasify.Application.Common;

namespace Kasify.Application.Integrations;

/// <summary>The caller's account's integrations, all or of one known type (unknown types are 404).</summary>
[AccountOwnerScope(IntegrationAccess.OwnerOnly)]
public sealed class ListIntegrationsHandler(UseCaseCaller caller, IntegrationReader reader)
{
    public async Task<IReadOnlyList<IntegrationResponse>> HandleAsync(string? type, CancellationToken ct)
    {
        if (type is not null && !IntegrationTypes.All.Contains(type)) throw new NotFoundException($"Integration type '{type}'");
        return await reader.ListAsync(caller.User.AccountId, type, ct);
    }
}
