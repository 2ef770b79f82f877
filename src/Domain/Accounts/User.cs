namespace Kasify.Domain.Accounts;

public sealed class User
{
    private User() { }

    public User(Guid id, string issuer, string subject, string email, string? name, string? lastName, Guid accountId, DateTime now)
    {
        Id = id;
        Issuer = issuer;
        Subject = subject;
        Email = email;
        Name = name;
        LastName = lastName;
        AccountId = accountId;
        CreatedAt = now;
        LastSeenAt = now;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>The identity provider (<c>iss</c>); a subject is only unique within its issuer. Empty for users
    /// registered before issuers were recorded, until their next sign-in fills it in (<see cref="ClaimIssuer"/>).</summary>
    public string Issuer { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string? Name { get; private set; }
    public string? LastName { get; private set; }
    public string? Phone { get; private set; }
    public string Locale { get; private set; } = "es";
    public string TimeZone { get; private set; } = "Europe/Madrid";
    public Guid AccountId { get; private set; }
    public bool IsAdmin { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime LastSeenAt { get; private set; }

    /// <summary>The one dashboard sign-in link that may still be opened (single use: cleared when opened).</summary>
    public string? DashboardLinkNonce { get; private set; }

    public string DisplayName => string.Join(' ', new[] { Name, LastName }.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } n ? n : Email;

    public void UpdateProfile(string? name, string? lastName, string? phone, string locale, string timeZone)
    {
        Name = name;
        LastName = lastName;
        Phone = phone;
        Locale = locale;
        TimeZone = timeZone;
    }

    public void Seen(DateTime now, bool isAdmin, string? email)
    {
        LastSeenAt = now;
        IsAdmin = isAdmin;
        if (!string.IsNullOrWhiteSpace(email)) Email = email;
    }

    public void ClaimIssuer(string issuer)
    {
        if (Issuer.Length == 0) Issuer = issuer;
    }
}
