using Kasify.Domain.Bookings;
using Kasify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Infrastructure.Telemetry;

/// <summary>What the observable gauges report, read from the database at most once per <see cref="MaxAge"/>.</summary>
public sealed record OperationalSnapshot(
    int DueJobs, TimeSpan OldestDueAge, TimeSpan CalendarSyncLag, int FailingCalendars, int SesReportsPending, int SesReportsOverdue)
{
    public static OperationalSnapshot Empty { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero, 0, 0, 0);
}

/// <summary>
/// Reads the gauges' figures with a few indexed or small queries. Gauge callbacks are synchronous and run on the
/// exporter's schedule (every minute by default), so the figures are cached: several gauges read one snapshot.
/// </summary>
public sealed class OperationalGauges(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private OperationalSnapshot _snapshot = OperationalSnapshot.Empty;
    private DateTimeOffset? _readAt;

    public OperationalSnapshot Current()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_readAt is { } at && now - at < MaxAge && now >= at) return _snapshot;
            _snapshot = Read(now.UtcDateTime);
            _readAt = now;
            return _snapshot;
        }
    }

    /// <summary>Forgets the cached figures (tests, and after a change an operator wants to see at once).</summary>
    public void Invalidate()
    {
        lock (_lock) _readAt = null;
    }

    private OperationalSnapshot Read(DateTime now)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KasifyDbContext>();
        var due = OutboxBacklog.DueAndWaiting(db.OutboxMessages.AsNoTracking(), now);
        var dueJobs = due.Count();
        var oldestDue = dueJobs == 0 ? (DateTime?)null : OutboxBacklog.OldestDueAt(due).FirstOrDefault();

        var calendars = db.PropertyCalendars.AsNoTracking();
        var oldestSync = calendars.Where(c => c.LastSyncAt != null).OrderBy(c => c.LastSyncAt).Select(c => c.LastSyncAt).FirstOrDefault();
        var failing = calendars.Count(c => c.LastError != null);

        var bookings = db.Bookings.AsNoTracking();
        var sesPending = bookings.Count(b => b.Ses.State == SesReportState.Pending || b.Ses.State == SesReportState.Sending
                                             || b.Ses.State == SesReportState.Submitted || b.Ses.State == SesReportState.Uncertain);
        var sesOverdue = bookings.Count(b => b.Ses.OverdueAt != null && b.Ses.State != SesReportState.Accepted
                                             && b.Status == BookingStatus.Confirmed);

        return new OperationalSnapshot(dueJobs, AgeOf(oldestDue, now), AgeOf(oldestSync, now), failing, sesPending, sesOverdue);
    }

    private static TimeSpan AgeOf(DateTime? since, DateTime now) => since is { } at && at < now ? now - at : TimeSpan.Zero;
}
