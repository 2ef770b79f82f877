using Kasify.Domain.Bookings;
using Kasify.Domain.Checkin;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasify.Infrastructure.Persistence.Configurations;

internal sealed class GuestConfiguration : IEntityTypeConfiguration<Guest>
{
    public void Configure(EntityTypeBuilder<Guest> b)
    {
        b.ToTable("Guests");
        b.Property(g => g.Version).IsConcurrencyToken();
        b.HasIndex(g => new { g.BookingId, g.RegisteredAt });
        b.HasIndex(g => new { g.PropertyId, g.RegisteredAt });
        b.Property(g => g.FirstName).HasMaxLength(50);
        b.Property(g => g.LastName).HasMaxLength(50);
        b.Property(g => g.SecondLastName).HasMaxLength(50);
        b.Property(g => g.NationalityCountryCode).HasMaxLength(2);
        b.Property(g => g.Sex).HasMaxLength(1);
        b.Property(g => g.DocumentType).HasMaxLength(4);
        b.Property(g => g.ProtectedDocumentNumber).HasMaxLength(1000);
        b.Property(g => g.DocumentSupportNumber).HasMaxLength(20);
        b.Property(g => g.RelationshipCode).HasMaxLength(2);
        b.Property(g => g.ResidenceAddress).HasMaxLength(100);
        b.Property(g => g.ResidenceCountryCode).HasMaxLength(2);
        b.Property(g => g.ResidenceCity).HasMaxLength(100);
        b.Property(g => g.ResidencePostalCode).HasMaxLength(20);
        b.Property(g => g.PhonePrefix).HasMaxLength(5);
        b.Property(g => g.Phone).HasMaxLength(30);
        b.Property(g => g.Email).HasMaxLength(254);
        b.Ignore(g => g.Identity);
        b.Ignore(g => g.Contact);
        b.HasOne<Booking>().WithMany().HasForeignKey(g => g.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}
