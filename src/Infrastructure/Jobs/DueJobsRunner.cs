using Kasify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Infrastructure.Jobs;

/// <summary>
/// Runs every outbox row that is due now, each in its own scope as Hangfire would, until none is left.
/// Used by tests (driven by a fake clock) and by operators to drain work without a Hangfire server.
/// A failing job is recorded on its row by the runner (and rethrown for Hangfire); here it only counts as run.
/// </summary>
public sealed class DueJobsRunner(IServiceScopeFactory scopes, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var ran = 0;
        for (var round = 0; round < 20; round++)
        {
            var ids = await DueIdsAsync(ct);
            if (ids.Count == 0) break;
            foreach (var id in ids)
            {
                await using var scope = scopes.CreateAsyncScope();
                try
                {
                    await scope.ServiceProvider.GetRequiredService<OutboxJobRunner>().RunAsync(id, ct);
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    // already recorded on the row (retry scheduled or failed for good)
                }
                ran++;
            }
        }
        return ran;
    }

    private async Task<List<Guid>> DueIdsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasifyDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ProcessedAt == null && m.FailedAt == null && m.CancelledAt == null && m.DueAt <= now
                        && (m.ClaimedUntil == null || m.ClaimedUntil <= now))
            .OrderBy(m => m.DueAt).Select(m => m.Id).ToListAsync(ct);
    }
}
