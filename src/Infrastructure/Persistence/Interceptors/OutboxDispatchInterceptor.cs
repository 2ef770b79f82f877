using Kasify.Application.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Kasify.Infrastructure.Persistence.Interceptors;

/// <summary>
/// After the commit, hands the outbox rows this save added to the job scheduler. Hangfire never joins the
/// EF transaction; if this hand-over is lost (crash, storage down) the sweep finds the rows later.
/// </summary>
internal sealed class OutboxDispatchInterceptor(IJobScheduler scheduler, ILogger<OutboxDispatchInterceptor> logger) : SaveChangesInterceptor
{
    private List<OutboxMessage> _added = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _added = eventData.Context!.ChangeTracker.Entries<OutboxMessage>()
            .Where(e => e.State == EntityState.Added && e.Entity.IsPending)
            .Select(e => e.Entity).ToList();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context!.Database.CurrentTransaction is null) Dispatch();
        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _added = [];
        return Task.CompletedTask;
    }

    private void Dispatch()
    {
        var added = _added;
        _added = [];
        foreach (var message in added)
        {
            try
            {
                scheduler.Schedule(message.Id, message.DueAt);
            }
            catch (Exception ex)
            {
                // The row is committed: the sweep will dispatch it. Losing the hand-over loses no work.
                logger.LogWarning(ex, "Could not hand outbox message {MessageId} ({Kind}) to the job scheduler", message.Id, message.Kind);
            }
        }
    }
}
