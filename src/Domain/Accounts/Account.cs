namespace Kasify.Domain.Accounts;

/// <summary>The host's account: owns properties, integrations and crew. One per registered user.</summary>
public sealed class Account
{
    private Account() { }

    public Account(Guid ownerUserId, DateTime now)
    {
        OwnerUserId = ownerUserId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid OwnerUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
