using Kasify.Domain.Accounts;

namespace Kasify.Application.Accounts;

/// <summary>A personal access token as listed: never its hash. Mapped by Mapster (<see cref="Common.MappingConfig"/>).</summary>
public sealed record TokenResponse(Guid Id, string Name, string TokenPrefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? ExpiresAt);

/// <summary>Answer of the create call: the only time the raw token is shown.</summary>
public sealed record CreatedTokenResponse(Guid Id, string Name, string TokenPrefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? ExpiresAt, string Token);
