using Kasify.Application.Jobs;
using Kasify.Domain.Common;
using MassTransit.Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kasify.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Before the commit: publishes the aggregates' domain events through the scoped mediator (same DbContext,
/// so consumers add their rows to this very transaction; a consumer that throws vetoes the save), loops
/// until consumers raise no new events, then renews concurrency versions.
/// </summary>
internal sealed class DomainEventsInterceptor(IScopedMediator mediator) : SaveChangesInterceptor
{
    private const int MaxRounds = 10;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await PublishDomainEventsAsync(context, cancellationToken);
            RenewVersions(context);
        }
        return result;
    }

    /// <summary>Synchronous saves (e.g. the data-protection key store) get the same treatment, blocking.</summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    private async Task PublishDomainEventsAsync(DbContext context, CancellationToken ct)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var events = context.ChangeTracker.Entries<AggregateRoot>()
                .SelectMany(e => e.Entity.PopDomainEvents())
                .ToList();
            if (events.Count == 0) return;
            foreach (var domainEvent in events)
                await mediator.Publish((object)domainEvent, domainEvent.GetType(), ct);
            context.ChangeTracker.DetectChanges();
        }
        throw new InvalidOperationException($"Domain events still raised after {MaxRounds} rounds: an event loop between consumers?");
    }

    private static void RenewVersions(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries<AggregateRoot>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version = Guid.NewGuid();
        foreach (var entry in context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version = Guid.NewGuid();
    }
}
