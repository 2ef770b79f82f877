using Kasify.Domain.Accounts;
using Kasify.Domain.Crew;
using Kasify.Domain.Properties;
using Kasify.Domain.SmartLocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasify.Infrastructure.Persistence.Configurations;

internal sealed class PropertyConfiguration : IEntityTypeConfiguration<Property>
{
    public void Configure(EntityTypeBuilder<Property> b)
    {
        b.ToTable("Properties");
        b.HasIndex(p => new { p.AccountId, p.CreatedAt });
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Address).HasMaxLength(300);
        b.Property(p => p.City).HasMaxLength(100);
        b.Property(p => p.ZipCode).HasMaxLength(20);
        b.Property(p => p.Country).HasMaxLength(2);
        b.Property(p => p.SesEstablishmentCode).HasMaxLength(10);
        b.Property(p => p.SesEstablishmentType).HasMaxLength(50);
        b.Property(p => p.TimeZone).HasMaxLength(64);
        b.Property(p => p.ExportToken).HasMaxLength(64);
        b.HasOne<Account>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Calendars).WithOne().HasForeignKey(c => c.PropertyId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Calendars).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(p => p.Details);
    }
}

internal sealed class PropertyCalendarConfiguration : IEntityTypeConfiguration<PropertyCalendar>
{
    public void Configure(EntityTypeBuilder<PropertyCalendar> b)
    {
        b.ToTable("PropertyCalendars");
        b.HasIndex(c => new { c.PropertyId, c.Channel }).IsUnique();
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Url).HasMaxLength(2000);
        b.Property(c => c.LastError).HasMaxLength(1000);
        b.Property(c => c.ETag).HasMaxLength(300);
        b.HasIndex(c => c.NextSyncAt);
    }
}

internal sealed class PropertyMemberConfiguration : IEntityTypeConfiguration<PropertyMember>
{
    public void Configure(EntityTypeBuilder<PropertyMember> b)
    {
        b.ToTable("PropertyMembers");
        b.HasIndex(m => new { m.PropertyId, m.UserId }).IsUnique();
        b.HasIndex(m => m.UserId);
        b.Property(m => m.AccessLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Service).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Property>().WithMany().HasForeignKey(m => m.PropertyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SmartLockConfiguration : IEntityTypeConfiguration<SmartLock>
{
    public void Configure(EntityTypeBuilder<SmartLock> b)
    {
        b.ToTable("SmartLocks");
        b.HasIndex(l => l.PropertyId);
        b.HasIndex(l => new { l.IntegrationId, l.ExternalId }).IsUnique();
        b.Property(l => l.Vendor).HasMaxLength(20);
        b.Property(l => l.ExternalId).HasMaxLength(100);
        b.Property(l => l.Name).HasMaxLength(200);
        b.HasOne<Property>().WithMany().HasForeignKey(l => l.PropertyId).OnDelete(DeleteBehavior.Cascade);
    }
}
