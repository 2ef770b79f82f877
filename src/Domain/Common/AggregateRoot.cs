namespace Kasify.Domain.Common;

public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public Guid Id { get; protected set; } = Guid.CreateVersion7();

    /// <summary>
    /// Optimistic concurrency token, renewed on every save (SQLite has no rowversion). Only the aggregate renews it
    /// itself, when a change must conflict with a concurrent one even if no column it changes would (persistence sets it
    /// through its own mapping).
    /// </summary>
    public Guid Version { get; protected set; } = Guid.NewGuid();

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public IReadOnlyList<IDomainEvent> PopDomainEvents()
    {
        var events = _domainEvents.ToList();
        _domainEvents.Clear();
        return events;
    }
}
