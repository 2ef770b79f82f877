namespace Kasify.Domain.Accounts;

/// <summary>A long-lived API token; only its SHA-256 hash is stored.</summary>
public sealed class PersonalAccessToken
{
    public const string Prefix = "kas_pat_";

    private PersonalAccessToken() { }

    public PersonalAccessToken(Guid userId, string name, string tokenHash, string tokenPrefix, DateTime now, DateTime? expiresAt)
    {
        UserId = userId;
        Name = name;
        TokenHash = tokenHash;
        TokenPrefix = tokenPrefix;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public string TokenPrefix { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }
    public DateTime? ExpiresAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public void Revoke(DateTime now) => RevokedAt ??= now;

    public void Used(DateTime now) => LastUsedAt = now;
}
