using System.Security.Cryptography;

namespace Kasify.Domain.Crew;

/// <summary>
/// An invitation to join a property's crew, used through its unguessable token. Uses are counted in the database
/// with a conditional update (see the accept use case), so this class never increments them itself.
/// </summary>
public sealed class PropertyInvitation
{
    public const int DefaultMaxUses = 1;
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    private PropertyInvitation() { }

    public PropertyInvitation(Guid propertyId, AccessLevel accessLevel, CrewService? service, string? email, int maxUses,
        DateTime expiresAt, string? locale, Guid createdBy, DateTime now)
    {
        if (accessLevel == AccessLevel.Owner) throw new ArgumentException("Nobody is invited as owner.", nameof(accessLevel));
        if (maxUses < 1) throw new ArgumentOutOfRangeException(nameof(maxUses));
        PropertyId = propertyId;
        AccessLevel = accessLevel;
        Service = service;
        Email = email;
        MaxUses = maxUses;
        ExpiresAt = expiresAt;
        Locale = locale;
        CreatedBy = createdBy;
        CreatedAt = now;
        Token = NewToken();
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PropertyId { get; private set; }
    /// <summary>256 random bits, URL-safe.</summary>
    public string Token { get; private set; } = "";
    public int Uses { get; private set; }
    public int MaxUses { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    /// <summary>When it was last accepted.</summary>
    public DateTime? AcceptedAt { get; private set; }
    public AccessLevel AccessLevel { get; private set; }
    public CrewService? Service { get; private set; }
    /// <summary>When set, only a user with this email may accept.</summary>
    public string? Email { get; private set; }
    public string? Locale { get; private set; }
    public Guid CreatedBy { get; private set; }

    public bool IsExpired(DateTime now) => ExpiresAt <= now;
    public bool IsUsedUp => Uses >= MaxUses;

    public bool IsBoundToAnotherEmail(string email) =>
        Email is not null && !string.Equals(Email, email.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
