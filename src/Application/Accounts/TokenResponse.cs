using Kasify.Domain.Accounts;

namespace Kasify.Application.Accounts;

public sealed record TokenResponse(Guid Id, string Name, string TokenPrefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? ExpiresAt)
{
    public static TokenResponse From(PersonalAccessToken t) => new(t.Id, t.Name, t.TokenPrefix, t.CreatedAt, t.LastUsedAt, t.ExpiresAt);
}

/// <summary>Answer of the create call: the only time the raw token is shown.</summary>
public sealed record CreatedTokenResponse(Guid Id, string Name, string TokenPrefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? ExpiresAt, string Token);
