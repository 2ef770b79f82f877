using Kasify.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasify.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("Users");
        b.HasIndex(u => new { u.Issuer, u.Subject }).IsUnique();
        b.HasIndex(u => u.AccountId);
        b.Property(u => u.Issuer).HasMaxLength(300);
        b.Property(u => u.Subject).HasMaxLength(200);
        b.Property(u => u.DashboardLinkNonce).HasMaxLength(64);
        b.Property(u => u.Email).HasMaxLength(320);
        b.Property(u => u.Locale).HasMaxLength(5);
        b.Property(u => u.TimeZone).HasMaxLength(64);
        b.Ignore(u => u.DisplayName);
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.ToTable("Accounts");
        b.HasIndex(a => a.OwnerUserId).IsUnique();
    }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> b)
    {
        b.ToTable("PersonalAccessTokens");
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.TokenPrefix).HasMaxLength(20);
        b.Property(t => t.Name).HasMaxLength(100);
        b.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
