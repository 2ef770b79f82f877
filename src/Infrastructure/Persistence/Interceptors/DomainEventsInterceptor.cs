using Kasify.Application.Jobs;
using Kasify.Domain.Common;
using MassTransit.Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kasify.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Before the commit: publishes the aggregates' domain events through the scoped mediator (same DbContext,
/// so consumers add their rows to this very transaction; a consumer that throws vetoes the save), loops
/// until consumers raise no new events, then renews concurrency versions. A singleton: the mediator is the context's
/// scope's, asked for only when there is an event to publish.
/// </summary>
internal sealed class DomainEventsInterceptor : SaveChangesInterceptor
{
    private const int MaxRounds = 10;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not KasifyDbContext context) return result;
        var tracker = context.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            await PublishDomainEventsAsync(context, cancellationToken);
            RenewVersions(context);
        }
        catch
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
            throw;
        }
        // Changes were detected once after the last consumer ran; SaveChanges' own pass (and the later interceptors'
        // Entries() reads) would only repeat it over the whole tracker. Detection comes back on once the save is over.
        context.AutoDetectAfterSave = autoDetect;
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        RestoreDetection(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RestoreDetection(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        RestoreDetection(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => RestoreDetection(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        RestoreDetection(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => RestoreDetection(eventData.Context);

    private static void RestoreDetection(DbContext? context)
    {
        if (context is not KasifyDbContext { AutoDetectAfterSave: true } kasify) return;
        kasify.AutoDetectAfterSave = false;
        kasify.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    /// <summary>Synchronous saves (e.g. the data-protection key store) get the same treatment, blocking.</summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Automatic change detection is off while consumers run (see <see cref="SavingChangesAsync"/>): every
    /// <c>DbSet.Local</c> they read would otherwise scan the whole change tracker, once per event, and an import of n
    /// bookings would cost n² (issue 14). Events are collected without detecting (aggregates keep them, and entities
    /// added through a <c>DbSet</c> are tracked at once); only when a round finds none are changes detected, once, to
    /// pick up aggregates reachable only through a navigation, and the round looked at again. So a save detects once,
    /// not once per round; consumers add and find entities through the tracker, which needs no detection.
    /// </summary>
    private static async Task PublishDomainEventsAsync(KasifyDbContext context, CancellationToken ct)
    {
        IScopedMediator? mediator = null;
        for (var round = 0; round < MaxRounds; round++)
        {
            var events = PopEvents(context);
            if (events.Count == 0)
            {
                context.ChangeTracker.DetectChanges();
                events = PopEvents(context);
                if (events.Count == 0) return;
            }
            mediator ??= context.ScopedService<IScopedMediator>();
            foreach (var domainEvent in events)
                await mediator.Publish((object)domainEvent, domainEvent.GetType(), ct);
        }
        throw new InvalidOperationException($"Domain events still raised after {MaxRounds} rounds: an event loop between consumers?");
    }

    private static List<IDomainEvent> PopEvents(DbContext context) =>
        context.ChangeTracker.Entries<AggregateRoot>().SelectMany(e => e.Entity.PopDomainEvents()).ToList();

    /// <summary>
    /// Runs right after the last round's detection, so it reads the states without detecting again; it writes through the
    /// entries, which marks the versions modified without another detection (SaveChanges does not detect after this).
    /// </summary>
    private static void RenewVersions(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries<AggregateRoot>().Where(e => e.State == EntityState.Modified))
            entry.Property(e => e.Version).CurrentValue = Guid.NewGuid(); // the model has no public setter
        foreach (var entry in context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Modified))
            entry.Property(m => m.Version).CurrentValue = Guid.NewGuid(); // through the entry: no detection follows
    }
}
