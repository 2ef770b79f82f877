using Kasify.Application.Common;

namespace Kasify.Application.Integrations;

/// <summary>The caller's account's integrations, all or of one known type (unknown types are 404).</summary>
public sealed class ListIntegrationsHandler(IntegrationAccess access, IntegrationReader reader)
{
    public async Task<IReadOnlyList<IntegrationResponse>> HandleAsync(string? type, CancellationToken ct)
    {
        if (type is not null && !IntegrationTypes.All.Contains(type)) throw new NotFoundException($"Integration type '{type}'");
        var owner = await access.RequireAccountOwnerAsync(ct);
        return await reader.ListAsync(owner.AccountId, type, ct);
    }
}
