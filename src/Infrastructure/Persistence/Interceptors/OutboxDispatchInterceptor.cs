using Kasify.Application.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Kasify.Infrastructure.Persistence.Interceptors;

/// <summary>
/// After the commit, hands the outbox rows this save added (or brought forward) to the job scheduler. Hangfire never
/// joins the EF transaction; if this hand-over is lost (crash, storage down) the sweep finds the rows later. A singleton:
/// what a save hands over is kept in the context's scope (<see cref="OutboxHandOver"/>), with the scope's job scheduler.
/// </summary>
internal sealed class OutboxDispatchInterceptor(ILogger<OutboxDispatchInterceptor> logger) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        HandOver(eventData.Context!).ToDispatch = eventData.Context!.ChangeTracker.Entries<OutboxMessage>()
            .Where(e => e.Entity.IsPending && !e.Entity.IsClaimed && (e.State == EntityState.Added || WasBroughtForward(e)))
            .Select(e => (e.Entity.Id, e.Entity.DueAt, e.Entity.Kind)).ToList();
        return ValueTask.FromResult(result);
    }

    private static OutboxHandOver HandOver(DbContext context) => ((KasifyDbContext)context).ScopedService<OutboxHandOver>();

    private static bool WasBroughtForward(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<OutboxMessage> entry) =>
        entry.State == EntityState.Modified && entry.Property(m => m.DueAt) is { IsModified: true } due && due.CurrentValue < due.OriginalValue;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context!.Database.CurrentTransaction is null) Dispatch(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        HandOver(eventData.Context!).ToDispatch = [];
        return Task.CompletedTask;
    }

    /// <summary>
    /// The insert half of dedup under concurrency. Two writers (two workers, two instances) can both see no waiting row
    /// of a key and both add one; the unique index refuses the second. The loser's row is then dropped (the winner's row
    /// is the same work, brought forward if the loser wanted it sooner) and the caller retries the save, so the loser's
    /// own change still commits.
    /// </summary>
    /// <returns>Whether a colliding outbox row was dropped, so the save is worth retrying.</returns>
    public async Task<bool> TryResolveDedupConflictAsync(DbContext context, DbUpdateException exception, CancellationToken ct)
    {
        if (!UniqueConstraintViolation.Is(exception) || context.Database.CurrentTransaction is not null) return false;
        var added = context.ChangeTracker.Entries<OutboxMessage>()
            .Where(e => e.State == EntityState.Added && e.Entity.DedupKey is not null && e.Entity.IsPending).ToList();
        var resolved = false;
        foreach (var entry in added)
        {
            var key = entry.Entity.DedupKey;
            var winner = await context.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.DedupKey == key && m.ProcessedAt == null && m.FailedAt == null && m.CancelledAt == null && m.ClaimedUntil == null)
                .Select(m => new { m.Id, m.DueAt, m.Kind }).FirstOrDefaultAsync(ct);
            if (winner is null) continue;
            entry.State = EntityState.Detached;
            resolved = true;
            var due = entry.Entity.DueAt;
            if (due >= winner.DueAt) continue;
            var moved = await context.Set<OutboxMessage>()
                .Where(m => m.Id == winner.Id && m.ClaimedUntil == null && m.DueAt > due)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.DueAt, due), ct);
            if (moved == 1) HandOver(context).BroughtForward.Add((winner.Id, due, winner.Kind));
        }
        return resolved;
    }

    private void Dispatch(DbContext context)
    {
        var handOver = HandOver(context);
        var rows = handOver.ToDispatch.Concat(handOver.BroughtForward).ToList();
        handOver.ToDispatch = [];
        handOver.BroughtForward.Clear();
        if (rows.Count == 0) return;
        var scheduler = ((KasifyDbContext)context).ScopedService<IJobScheduler>();
        foreach (var (id, dueAt, kind) in rows)
        {
            try
            {
                scheduler.Schedule(id, dueAt, kind);
            }
            catch (Exception ex)
            {
                // The row is committed: the sweep will dispatch it. Losing the hand-over loses no work.
                logger.LogWarning(ex, "Could not hand outbox message {MessageId} ({Kind}) to the job scheduler", id, kind);
            }
        }
    }
}

/// <summary>The outbox rows of one unit of work waiting for the commit before they go to the job scheduler.</summary>
internal sealed class OutboxHandOver
{
    public List<(Guid Id, DateTime DueAt, string Kind)> ToDispatch { get; set; } = [];
    public List<(Guid Id, DateTime DueAt, string Kind)> BroughtForward { get; } = [];
}
