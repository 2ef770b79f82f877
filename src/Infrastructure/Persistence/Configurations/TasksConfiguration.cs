using Kasify.Domain.Properties;
using Kasify.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasify.Infrastructure.Persistence.Configurations;

internal sealed class PropertyTaskConfiguration : IEntityTypeConfiguration<PropertyTask>
{
    public void Configure(EntityTypeBuilder<PropertyTask> b)
    {
        b.ToTable("Tasks");
        b.Property(t => t.Version).IsConcurrencyToken();
        // One task of a type per booking: the database itself refuses a second cleaning task (null booking ids are free).
        b.HasIndex(t => new { t.BookingId, t.TaskType }).IsUnique();
        b.HasIndex(t => t.PublicToken).IsUnique();
        b.HasIndex(t => new { t.PropertyId, t.From, t.Status, t.Id }); // covers the task list's count and page (issue 14)
        b.HasIndex(t => new { t.AssignedTo, t.From });
        b.HasIndex(t => new { t.Status, t.From });
        b.Property(t => t.TaskType).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Notes).HasMaxLength(2000);
        b.Property(t => t.JobReport).HasMaxLength(4000);
        b.Property(t => t.PublicToken).HasMaxLength(64);
        b.Ignore(t => t.IsOpen);
        b.HasOne<Property>().WithMany().HasForeignKey(t => t.PropertyId).OnDelete(DeleteBehavior.Cascade);
    }
}
