using System.Text.Json;
using Kasify.Application.Common;
using Kasify.Domain.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Integrations;

public sealed class IntegrationReader(IKasifyDb db)
{
    public async Task<IReadOnlyList<IntegrationResponse>> ListAsync(Guid accountId, string? type, CancellationToken ct)
    {
        var query = db.Integrations.AsNoTracking().Where(i => i.AccountId == accountId);
        if (type is not null) query = query.Where(i => i.Type == type);
        var integrations = await query.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(ct);
        var ids = integrations.Select(i => i.Id).ToList();
        var locks = await db.SmartLocks.AsNoTracking().Where(l => ids.Contains(l.IntegrationId))
            .GroupBy(l => l.IntegrationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return integrations.Select(i => ToResponse(i, locks.GetValueOrDefault(i.Id))).ToList();
    }

    public async Task<IntegrationResponse> ReadOneAsync(Guid accountId, Guid id, CancellationToken ct) =>
        (await ListAsync(accountId, null, ct)).Single(i => i.Id == id);

    private static IntegrationResponse ToResponse(Integration i, int locksCount)
    {
        using var settings = JsonDocument.Parse(i.SettingsJson);
        return new IntegrationResponse(i.Id, i.Type, i.Name, i.Status, i.LastCheckedAt, i.LastError, i.CreatedAt,
            settings.RootElement.Clone(), locksCount);
    }
}
