using Kasify.Domain.AccessCodes;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasify.Infrastructure.Persistence.Configurations;

internal sealed class AccessCodeConfiguration : IEntityTypeConfiguration<AccessCode>
{
    public void Configure(EntityTypeBuilder<AccessCode> b)
    {
        b.ToTable("AccessCodes");
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.BookingId, c.SmartLockId }).IsUnique(); // one code per booking and lock, even under races
        b.HasIndex(c => new { c.SmartLockId, c.Status });
        b.HasIndex(c => new { c.PropertyId, c.Status });
        b.Property(c => c.SmartLockName).HasMaxLength(200);
        b.Property(c => c.Vendor).HasMaxLength(20);
        b.Property(c => c.ExternalLockId).HasMaxLength(100);
        b.Property(c => c.LockName).HasMaxLength(AccessCode.MaxLockNameLength);
        b.Property(c => c.ProtectedPin).HasMaxLength(1000);
        b.Property(c => c.ExternalCodeId).HasMaxLength(100);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.LastError).HasMaxLength(1000);
        b.Ignore(c => c.IsLive);
        b.Ignore(c => c.NeedsSubmitting);
        b.Ignore(c => c.AwaitsVendorId);
        b.HasOne<Booking>().WithMany().HasForeignKey(c => c.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}
