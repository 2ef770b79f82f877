using Kasify.Domain.Accounts;
using Kasify.Domain.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasify.Infrastructure.Persistence.Configurations;

internal sealed class IntegrationConfiguration : IEntityTypeConfiguration<Integration>
{
    public void Configure(EntityTypeBuilder<Integration> b)
    {
        b.ToTable("Integrations");
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.AccountId, i.Type });
        b.Property(i => i.Type).HasMaxLength(20);
        b.Property(i => i.Name).HasMaxLength(100);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.LastError).HasMaxLength(1000);
        b.Property(i => i.SettingsJson).HasMaxLength(4000);
        b.Property(i => i.ProtectedCredentials).HasMaxLength(4000);
        b.Ignore(i => i.IsActive);
        b.HasOne<Account>().WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
