using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasify.Infrastructure.Persistence.Configurations;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.ToTable("Bookings");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.PropertyId, x.From });
        b.HasIndex(x => new { x.PropertyId, x.To });
        b.HasIndex(x => new { x.PropertyId, x.Status, x.From });
        b.HasIndex(x => x.CheckinCode).IsUnique();
        b.HasIndex(x => new { x.PropertyId, x.Channel });
        b.HasIndex(x => new { x.CalendarId, x.ExternalUid }).IsUnique();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ChannelId).HasMaxLength(200);
        b.Property(x => x.CheckinCode).HasMaxLength(64);
        b.Property(x => x.PaymentType).HasMaxLength(5);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.SpecialRequests).HasMaxLength(2000);
        b.Property(x => x.GuestFirstName).HasMaxLength(100);
        b.Property(x => x.GuestLastName).HasMaxLength(100);
        b.Property(x => x.GuestEmail).HasMaxLength(320);
        b.Property(x => x.GuestPhone).HasMaxLength(40);
        b.Property(x => x.ExternalUid).HasMaxLength(300);
        b.ComplexProperty(x => x.Ses, ses =>
        {
            // Column names of the fields this value replaced are kept, so existing reports keep their lote and times.
            ses.Property(s => s.State).HasColumnName("SesState").HasConversion<string>().HasMaxLength(20);
            ses.Property(s => s.BatchId).HasColumnName("SesBatchId").HasMaxLength(100);
            ses.Property(s => s.SubmittedAt).HasColumnName("SesSubmittedAt");
            ses.Property(s => s.AcceptedAt).HasColumnName("SesAcceptedAt");
            ses.Property(s => s.CommunicationCode).HasColumnName("SesCommunicationCode").HasMaxLength(100);
            ses.Property(s => s.ClaimedAt).HasColumnName("SesClaimedAt");
            ses.Property(s => s.Attempts).HasColumnName("SesAttempts");
            ses.Property(s => s.LastAttemptAt).HasColumnName("SesLastAttemptAt");
            ses.Property(s => s.LastError).HasColumnName("SesLastError").HasMaxLength(SesReport.MaxErrorLength);
            ses.Property(s => s.OverdueAt).HasColumnName("SesOverdueAt");
        });
        b.Ignore(x => x.Stay);
        b.Ignore(x => x.Guest);
        b.Ignore(x => x.IsConfirmed);
        b.HasOne<Property>().WithMany().HasForeignKey(x => x.PropertyId).OnDelete(DeleteBehavior.Cascade);
    }
}
