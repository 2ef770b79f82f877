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
        if (eventData.Context is not { } context) return result;
        var tracker = context.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            await PublishDomainEventsAsync(context, cancellationToken);
            RenewVersions(context);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
        return result;
    }

    /// <summary>Synchronous saves (e.g. the data-protection key store) get the same treatment, blocking.</summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Automatic change detection is off while consumers run (see <see cref="SavingChangesAsync"/>): every
    /// <c>DbSet.Local</c> they read would otherwise scan the whole change tracker, once per event, and an import of n
    /// bookings would cost n² (issue 14). Changes are detected once per round instead; consumers add and find entities
    /// through the tracker, which needs no detection. SaveChanges detects once more after this interceptor.
    /// </summary>
    private static async Task PublishDomainEventsAsync(DbContext context, CancellationToken ct)
    {
        IScopedMediator? mediator = null;
        for (var round = 0; round < MaxRounds; round++)
        {
            context.ChangeTracker.DetectChanges();
            var events = context.ChangeTracker.Entries<AggregateRoot>()
                .SelectMany(e => e.Entity.PopDomainEvents())
                .ToList();
            if (events.Count == 0) return;
            mediator ??= ((KasifyDbContext)context).ScopedService<IScopedMediator>();
            foreach (var domainEvent in events)
                await mediator.Publish((object)domainEvent, domainEvent.GetType(), ct);
        }
        throw new InvalidOperationException($"Domain events still raised after {MaxRounds} rounds: an event loop between consumers?");
    }

    /// <summary>Runs right after the last round's detection, so it reads the states without detecting again.</summary>
    private static void RenewVersions(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries<AggregateRoot>().Where(e => e.State == EntityState.Modified))
            entry.Property(e => e.Version).CurrentValue = Guid.NewGuid(); // the model has no public setter
        foreach (var entry in context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version = Guid.NewGuid();
    }
}
