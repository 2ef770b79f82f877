using Kasify.Domain.Crew;
using Kasify.Domain.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasify.Infrastructure.Persistence.Configurations;

internal sealed class PropertyInvitationConfiguration : IEntityTypeConfiguration<PropertyInvitation>
{
    public void Configure(EntityTypeBuilder<PropertyInvitation> b)
    {
        b.ToTable("PropertyInvitations");
        b.HasIndex(i => i.Token).IsUnique();
        b.HasIndex(i => new { i.PropertyId, i.CreatedAt });
        b.Property(i => i.Token).HasMaxLength(64);
        b.Property(i => i.Email).HasMaxLength(320);
        b.Property(i => i.Locale).HasMaxLength(5);
        b.Property(i => i.AccessLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Service).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Property>().WithMany().HasForeignKey(i => i.PropertyId).OnDelete(DeleteBehavior.Cascade);
    }
}
