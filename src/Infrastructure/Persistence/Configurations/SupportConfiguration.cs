using Kasify.Application.Jobs;
using Kasify.Domain.Files;
using Kasify.Domain.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasify.Infrastructure.Persistence.Configurations;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("StoredFiles");
        b.Property(f => f.OriginalFileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("Activities");
        b.HasIndex(a => new { a.PropertyId, a.At, a.Id }); // covers the activity page's ids-first cut (issue 14)
        b.HasIndex(a => a.At);
        b.Property(a => a.Kind).HasMaxLength(50);
        b.Property(a => a.SubjectType).HasMaxLength(30);
        b.Property(a => a.Summary).HasMaxLength(500);
        b.Property(a => a.ActorName).HasMaxLength(200);
        b.Property(a => a.PropertyName).HasMaxLength(200);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.HasIndex(m => new { m.ProcessedAt, m.DueAt });
        b.HasIndex(m => m.PropertyId);
        // Dedup enforced by the database, for concurrent writers too: at most one waiting and one claimed pending row
        // per key. Bracketed names are understood by SQLite and SQL Server alike.
        b.HasIndex(m => m.DedupKey, OutboxIndexes.WaitingDedupKey).IsUnique().HasFilter(OutboxIndexes.PendingWithKey + " AND [ClaimedUntil] IS NULL");
        b.HasIndex(m => m.DedupKey, OutboxIndexes.ClaimedDedupKey).IsUnique().HasFilter(OutboxIndexes.PendingWithKey + " AND [ClaimedUntil] IS NOT NULL");
        b.HasIndex(m => m.ClaimedUntil);
        b.Property(m => m.Kind).HasMaxLength(50);
        b.Property(m => m.Payload).HasMaxLength(4000);
        b.Property(m => m.DedupKey).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.Property(m => m.ClaimedBy).HasMaxLength(100);
        b.Property(m => m.TraceParent).HasMaxLength(OutboxMessage.TraceParentMaxLength);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Ignore(m => m.IsPending);
        b.Ignore(m => m.IsClaimed);
    }
}

internal static class OutboxIndexes
{
    public const string WaitingDedupKey = "IX_OutboxMessages_DedupKey_Waiting";
    public const string ClaimedDedupKey = "IX_OutboxMessages_DedupKey_Claimed";
    public const string PendingWithKey = "[DedupKey] IS NOT NULL AND [ProcessedAt] IS NULL AND [FailedAt] IS NULL AND [CancelledAt] IS NULL";
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.Property(k => k.Xml).HasMaxLength(-1);
    }
}
