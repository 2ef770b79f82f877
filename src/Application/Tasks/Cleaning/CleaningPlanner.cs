using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;
using Kasify.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Tasks.Cleaning;

/// <summary>
/// Keeps each confirmed booking's one cleaning task where docs/api.md §8 says: from the check-out time (property time zone)
/// to the next confirmed check-in if one starts within 7 days, else check-out + 4 h. Runs before the commit, so it reads
/// bookings and tasks both from the database and from what this unit of work is changing (<c>Local</c>).
/// </summary>
public sealed class CleaningPlanner(IKasifyDb db, PropertyAccess access, IOutbox outbox, TimeProvider time)
{
    public static readonly TimeSpan DefaultLength = TimeSpan.FromHours(4);
    public const int LookAheadDays = 7;

    // Per unit of work (scoped), so an import of n bookings asks the database these once, not n times (issue 14).
    private readonly HashSet<Guid> _createdBookings = [];
    private readonly Dictionary<Guid, Guid> _owners = [];
    private readonly Dictionary<Guid, (DateOnly From, DateOnly To)> _loadedSpans = [];
    // Lookups by key instead of scans of the change tracker, whose every scan walks all tracked entities of every type.
    private readonly Dictionary<Guid, PropertyTask> _tasksByBooking = [];
    // Stored bookings whose cleaning task (if any) was loaded with them: looking it up needs no query.
    private readonly HashSet<Guid> _tasksLoaded = [];
    private readonly Dictionary<Guid, List<Booking>> _trackedStays = [];
    private int _trackedStaysCount = -1;

    /// <summary>The booking was created in this unit of work: no stored task can point at it yet.</summary>
    public void NoteCreated(Guid bookingId) => _createdBookings.Add(bookingId);

    /// <summary>
    /// Creates the booking's cleaning task if it is missing and re-times it while pending. A cancelled task is reopened
    /// only when <paramref name="reopen"/> (the booking was re-confirmed). Returns null for a booking that is not confirmed.
    /// </summary>
    public async Task<PropertyTask?> EnsureAsync(Booking booking, bool reopen, CancellationToken ct)
    {
        if (!booking.IsConfirmed) return null;
        var property = await db.Properties.FindAsync([booking.PropertyId], ct)
                       ?? throw new InvalidOperationException($"Property {booking.PropertyId} of booking {booking.Id} is missing.");
        var (from, to) = await WindowAsync(booking, property, ct);
        var task = await FindAsync(booking.Id, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (task is null)
        {
            var assignee = property.DefaultCleanerId ?? await OwnerOfAsync(property.Id, ct);
            task = PropertyTask.Create(property.Id, TaskType.Cleaning, from, to, booking.Id, assignee, null, now);
            db.Tasks.Add(task);
            _tasksByBooking[booking.Id] = task;
        }
        else if (task.Status == WorkTaskStatus.Cancelled && reopen)
        {
            task.Reopen();
        }
        if (task.Status == WorkTaskStatus.Pending && (task.From != from || task.To != to)) task.Reschedule(from, to);

        if (from > now)
            await outbox.EnqueueAsync(CheckoutJob.Kind, new CheckoutJob.Payload(booking.Id), from, property.Id,
                CheckoutKey(booking.Id, from), ct, keyIsNew: _createdBookings.Contains(booking.Id));
        return task;
    }

    private static string CheckoutKey(Guid bookingId, DateTime checkout) => $"{CheckoutJob.Kind}:{bookingId}:{checkout:O}";

    /// <summary>Cancels the booking's open cleaning task, if any.</summary>
    public async Task CancelAsync(Guid bookingId, CancellationToken ct)
    {
        var task = await FindAsync(bookingId, ct);
        if (task is { IsOpen: true }) task.Cancel(time.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// A stay on <paramref name="from"/>–<paramref name="to"/> appeared, moved or went: the bookings checking out in the
    /// 7 days before it may have a different next check-in, so their tasks are re-timed.
    /// </summary>
    public async Task RefreshNeighboursAsync(Guid propertyId, DateOnly from, DateOnly to, Guid exceptBookingId, CancellationToken ct)
    {
        var earliest = from.AddDays(-LookAheadDays);
        var neighbours = (await StaysAsync(propertyId, earliest, to, ct))
            .Where(b => b.Id != exceptBookingId && b.IsConfirmed && b.To >= earliest && b.To <= to)
            .ToList();
        if (neighbours.Count == 0) return;
        // Their checkout jobs are enqueued again (same key unless the check-out moved): asked for in one query, not one each.
        var property = await db.Properties.FindAsync([propertyId], ct);
        if (property is not null)
            await outbox.PrefetchWaitingAsync(neighbours.Where(n => !_createdBookings.Contains(n.Id))
                .Select(n => CheckoutKey(n.Id, CheckoutUtc(n, property))).ToList(), ct);
        foreach (var neighbour in neighbours) await EnsureAsync(neighbour, reopen: false, ct);
    }

    /// <summary>
    /// The property's stays (tracked, with this unit of work's changes) that start by <paramref name="to"/> and end from
    /// <paramref name="from"/> on, plus the cleaning lookups' margin around them: a creation reads its overlap facts here,
    /// so the planner that runs before its commit finds the neighbours and the window loaded (one query, not two).
    /// </summary>
    public async Task<List<Booking>> StaysAroundAsync(Guid propertyId, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await StaysAsync(propertyId, from.AddDays(-LookAheadDays), to.AddDays(LookAheadDays), ct))
        .Where(b => b.To >= from && b.From <= to).ToList();

    /// <summary>
    /// The booking's cleaning task: one this planner created or found before (still tracked), else, for a booking not
    /// created in this unit of work (whose task only this planner could have made), the tracked or the stored one.
    /// </summary>
    public async Task<PropertyTask?> FindAsync(Guid bookingId, CancellationToken ct)
    {
        if (_tasksByBooking.TryGetValue(bookingId, out var known))
        {
            if (db.Tasks.Local.Contains(known)) return known;
            _tasksLoaded.Remove(bookingId); // no longer tracked (the tracker was cleared): ask again
        }
        if (_createdBookings.Contains(bookingId) || _tasksLoaded.Contains(bookingId)) return null;
        var task = db.Tasks.Local.FirstOrDefault(t => t.BookingId == bookingId && t.TaskType == TaskType.Cleaning)
                   ?? await db.Tasks.FirstOrDefaultAsync(t => t.BookingId == bookingId && t.TaskType == TaskType.Cleaning, ct);
        if (task is not null) _tasksByBooking[bookingId] = task;
        return task;
    }

    private async Task<Guid> OwnerOfAsync(Guid propertyId, CancellationToken ct)
    {
        if (!_owners.TryGetValue(propertyId, out var owner))
            _owners[propertyId] = owner = await access.OwnerUserIdAsync(propertyId, ct);
        return owner;
    }

    public static DateTime CheckoutUtc(Booking booking, Property property) =>
        TimeZones.ToUtc(booking.To, booking.CheckoutTime, property.TimeZone);

    private async Task<(DateTime From, DateTime To)> WindowAsync(Booking booking, Property property, CancellationToken ct)
    {
        var checkout = CheckoutUtc(booking, property);
        var last = booking.To.AddDays(LookAheadDays);
        var nextCheckin = (await StaysAsync(booking.PropertyId, booking.To, last, ct))
            .Where(b => b.Id != booking.Id && b.IsConfirmed && b.From >= booking.To && b.From <= last)
            .Select(b => TimeZones.ToUtc(b.From, b.CheckinTime, property.TimeZone))
            .Where(checkin => checkin > checkout)
            .DefaultIfEmpty(checkout + DefaultLength)
            .Min();
        return (checkout, nextCheckin);
    }

    /// <summary>
    /// The property's bookings this unit of work tracks, once every stored one that starts by <paramref name="to"/> and
    /// ends from <paramref name="from"/> on is among them. The first call for a property loads the span of every booking
    /// being changed (an import's whole feed) in one query, so the per-booking window and neighbour lookups that follow
    /// read memory. Tracked instances carry this unit of work's unsaved changes, as the lookups need.
    /// </summary>
    private async Task<IEnumerable<Booking>> StaysAsync(Guid propertyId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (!_loadedSpans.TryGetValue(propertyId, out var span) || from < span.From || to > span.To)
        {
            var load = (From: from, To: to);
            if (span == default)
            {
                foreach (var tracked in db.Bookings.Local.Where(b => b.PropertyId == propertyId))
                    load = (Min(load.From, tracked.From.AddDays(-LookAheadDays)), Max(load.To, tracked.To.AddDays(LookAheadDays)));
            }
            var stored = db.Bookings.Where(b => b.PropertyId == propertyId && b.To >= load.From && b.From <= load.To);
            var loaded = await stored.ToListAsync(ct);
            await LoadCleaningTasksAsync(stored, loaded, ct);
            // A stay that meets the union of two overlapping spans meets one of them, so the union is covered too.
            _loadedSpans[propertyId] = span == default ? load
                : load.From <= span.To && load.To >= span.From ? (Min(load.From, span.From), Max(load.To, span.To))
                : span;
        }
        return TrackedStays(propertyId);
    }

    /// <summary>
    /// The cleaning tasks of the stored bookings just loaded, in one query: the neighbours re-timed next need no task
    /// query each (issue 14). A loaded booking without a stored task is remembered as such.
    /// </summary>
    private async Task LoadCleaningTasksAsync(IQueryable<Booking> stored, List<Booking> loaded, CancellationToken ct)
    {
        if (loaded.Count == 0) return;
        var tasks = await db.Tasks.Where(t => t.TaskType == TaskType.Cleaning && stored.Select(b => (Guid?)b.Id).Contains(t.BookingId))
            .ToListAsync(ct);
        foreach (var task in tasks) _tasksByBooking[task.BookingId!.Value] = task;
        foreach (var booking in loaded) _tasksLoaded.Add(booking.Id);
    }

    /// <summary>
    /// The property's tracked bookings, gathered once per change of what the tracker holds (its count) rather than by a
    /// scan per lookup. The instances are the tracked ones, so their unsaved changes are seen.
    /// </summary>
    private List<Booking> TrackedStays(Guid propertyId)
    {
        var tracked = db.Bookings.Local;
        if (tracked.Count != _trackedStaysCount)
        {
            _trackedStays.Clear();
            _trackedStaysCount = tracked.Count;
        }
        if (!_trackedStays.TryGetValue(propertyId, out var stays))
            _trackedStays[propertyId] = stays = tracked.Where(b => b.PropertyId == propertyId).ToList();
        return stays;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
