using System.Runtime.CompilerServices;
using Kasify.Application.AccessCodes;
using Kasify.Domain.AccessCodes;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Kasify.Infrastructure.Telemetry;

/// <summary>
/// Records outcomes from the changes being saved, so the modules need no metrics code: a calendar sync's result (its
/// attempt time changed) and a code going live (pending → active; due at check-in minus
/// the lead time, or when the booking was made if later). Recorded only once the save succeeded.
/// </summary>
internal sealed class OutcomeMetricsInterceptor(KasifyMetrics metrics, IOptions<AccessCodeOptions> codes, TimeProvider time)
    : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<Action>> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ObserveAsync(eventData.Context, sync: true, CancellationToken.None).AsTask().GetAwaiter().GetResult(); // completes synchronously
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await ObserveAsync(eventData.Context, sync: false, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Flush(eventData.Context, record: true);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, record: true);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Flush(eventData.Context, record: false);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, record: false);
        return Task.CompletedTask;
    }

    private async ValueTask ObserveAsync(DbContext? context, bool sync, CancellationToken ct)
    {
        if (context is null) return;
        var observed = new List<Action>();
        var (calendars, codesLive) = ChangedEntries(context.ChangeTracker);
        foreach (var entry in calendars)
        {
            if (entry.State == EntityState.Modified && (Changed(entry.Property(c => c.LastAttemptAt))
                                                        || Changed(entry.Property(c => c.LastSyncAt)) || Changed(entry.Property(c => c.LastError))))
            {
                var channel = entry.Entity.Channel.LowerName();
                var ok = entry.Entity.LastError is null;
                observed.Add(() => metrics.CalendarSynced(channel, ok));
            }
        }
        foreach (var code in codesLive)
        {
            var due = code.ValidFrom.AddHours(-codes.Value.LeadHours);
            var booked = TrackedBookingCreatedAt(context.ChangeTracker, code.BookingId);
            if (booked is null)
            {
                var bookedAt = context.Set<Booking>().AsNoTracking().Where(b => b.Id == code.BookingId).Select(b => (DateTime?)b.CreatedAt);
                booked = sync ? bookedAt.SingleOrDefault() : await bookedAt.SingleOrDefaultAsync(ct);
            }
            if (booked > due) due = booked.Value; // booked (or imported) inside the lead time: due from then
            var delay = time.GetUtcNow().UtcDateTime - due;
            observed.Add(() => metrics.CodeLive(code.Vendor, delay));
        }
        if (observed.Count == 0) return;
        _pending.AddOrUpdate(context, observed);
    }

    /// <summary>
    /// Reads the tracker without detecting changes again: the domain-events interceptor, registered before this one,
    /// detected them last, and a full detection pass per save is what issue 14 removed.
    /// </summary>
    private static (List<EntityEntry<PropertyCalendar>> Calendars, List<AccessCode> CodesLive) ChangedEntries(ChangeTracker tracker) =>
        WithoutDetection(tracker, () => (tracker.Entries<PropertyCalendar>().Where(e => e.State == EntityState.Modified).ToList(),
            tracker.Entries<AccessCode>().Where(WentLive).Select(e => e.Entity).ToList()));

    /// <summary>The provisioning job has the booking in its context already: no query for it (tracker read without detection).</summary>
    private static DateTime? TrackedBookingCreatedAt(ChangeTracker tracker, Guid bookingId) =>
        WithoutDetection(tracker, () => tracker.Entries<Booking>().FirstOrDefault(e => e.Entity.Id == bookingId)?.Entity.CreatedAt);

    private static T WithoutDetection<T>(ChangeTracker tracker, Func<T> read)
    {
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return read();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static bool WentLive(EntityEntry<AccessCode> entry)
    {
        if (entry.Entity.Status != AccessCodeStatus.Active) return false;
        if (entry.State == EntityState.Added) return true;
        var status = entry.Property(c => c.Status);
        return entry.State == EntityState.Modified && status.OriginalValue == AccessCodeStatus.Pending;
    }

    private static bool Changed<T>(PropertyEntry<PropertyCalendar, T> property) =>
        property.IsModified && !EqualityComparer<T>.Default.Equals(property.OriginalValue, property.CurrentValue);

    private void Flush(DbContext? context, bool record)
    {
        if (context is null || !_pending.TryGetValue(context, out var observed)) return;
        _pending.Remove(context);
        if (record) foreach (var write in observed) write();
    }
}
