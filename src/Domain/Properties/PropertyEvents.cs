using Kasify.Domain.Common;

namespace Kasify.Domain.Properties;

public sealed record PropertyCreated(Guid PropertyId, Guid AccountId, string Name) : IDomainEvent;

public sealed record PropertyUpdated(Guid PropertyId, string Name) : IDomainEvent;

public sealed record PropertyDeleted(Guid PropertyId, Guid AccountId, string Name) : IDomainEvent;

/// <summary>A calendar feed was added or its URL changed (sync it now), or removed (<paramref name="Url"/> is null).</summary>
public sealed record PropertyCalendarChanged(Guid PropertyId, Channel Channel, string? Url) : IDomainEvent;

public sealed record PropertyCoverImageChanged(Guid PropertyId, Guid? OldFileId, Guid? NewFileId) : IDomainEvent;
