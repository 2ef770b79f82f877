using Kasify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kasify.Infrastructure.Jobs;

/// <summary>
/// The instance heartbeat: while a job runs, its claim's lease is renewed every third of the lease. The renewal does
/// not touch the row's concurrency version, so it never conflicts with the runner's own save.
/// </summary>
internal sealed class ClaimHeartbeat(IServiceScopeFactory scopes, JobInstance instance, IOptions<JobsOptions> options,
    TimeProvider time, ILogger<ClaimHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ClaimLease / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RenewAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not renew the claims of running jobs");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async Task<int> RenewAsync(CancellationToken ct)
    {
        var running = instance.Running;
        if (running.Count == 0) return 0;
        var until = time.GetUtcNow().UtcDateTime + options.Value.ClaimLease;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasifyDbContext>();
        return await db.OutboxMessages
            .Where(m => running.Contains(m.Id) && m.ClaimedBy == instance.Id && m.ClaimedUntil != null && m.ProcessedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), ct);
    }
}
