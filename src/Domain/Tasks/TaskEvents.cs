using Kasify.Domain.Common;

namespace Kasify.Domain.Tasks;

public sealed record TaskCreated(Guid TaskId, Guid PropertyId, TaskType TaskType, Guid? BookingId, Guid? AssignedTo) : IDomainEvent;

public sealed record TaskAssigned(Guid TaskId, Guid PropertyId, Guid? AssignedTo) : IDomainEvent;

public sealed record TaskStarted(Guid TaskId, Guid PropertyId) : IDomainEvent;

public sealed record TaskCompleted(Guid TaskId, Guid PropertyId) : IDomainEvent;

public sealed record TaskCancelled(Guid TaskId, Guid PropertyId) : IDomainEvent;

/// <summary>A cancelled task is open again (its booking came back).</summary>
public sealed record TaskReopened(Guid TaskId, Guid PropertyId) : IDomainEvent;
