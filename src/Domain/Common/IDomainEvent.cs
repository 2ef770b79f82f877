namespace Kasify.Domain.Common;

/// <summary>Marker for facts raised by aggregates; published in-process before the commit.</summary>
public interface IDomainEvent;
