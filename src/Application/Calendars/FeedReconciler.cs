using Kasify.Application.Calendars.Feeds;
using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Calendars;

/// <summary>
/// Reconciles one calendar's bookings with a good fetch, by UID (docs/api.md §8): new UIDs become bookings, moved ones are
/// updated (<see cref="Booking.SeenInFeed(DateOnly, DateOnly, BookingStatus, DateTime)"/>), missing ones counted
/// (<see cref="Booking.MissingFromFeed"/>: two full fetches one sync interval apart cancel a future stay; a 304 is no
/// fetch of the events), unless the fetch is suspect (<see cref="FeedDrops"/>). The rules are the booking's; this only
/// loads and walks. Applying the same feed again changes nothing. Overlaps with other confirmed stays are reported, never
/// merged.
/// </summary>
public sealed class FeedReconciler(IKasifyDb db, BookingConflicts conflicts)
{
    /// <param name="events">The feed's events, our own echoed export already taken out.</param>
    /// <param name="fetchedAt">When this sync started: misses are timed by it, so two fetches one interval apart count twice.</param>
    /// <param name="feedIsEmpty">The fetch had no event at all: any drop makes it suspect (<see cref="FeedDrops"/>).</param>
    public async Task<FeedReconciliation> ReconcileAsync(PropertyCalendar calendar, SyncTarget target, IReadOnlyList<FeedEvent> events,
        DateTime fetchedAt, bool feedIsEmpty, CancellationToken ct)
    {
        var now = fetchedAt;
        var today = PropertyClock.Today(now, target.TimeZone);
        var known = (await db.Bookings.Where(b => b.CalendarId == calendar.Id).ToListAsync(ct))
            .Where(b => b.ExternalUid is not null).ToDictionary(b => b.ExternalUid!, StringComparer.Ordinal);
        var present = events.Select(e => e.Uid).ToHashSet(StringComparer.Ordinal);
        var drops = FeedDrops.Count(known.Values, b => present.Contains(b.ExternalUid!), today, feedIsEmpty);
        var touched = new List<Booking>();
        var unchanged = 0;

        foreach (var feedEvent in events)
        {
            var status = Booking.ImportedStatus(calendar.Channel, isReservation: feedEvent.Kind == FeedEventKind.Reservation);
            if (known.TryGetValue(feedEvent.Uid, out var booking))
            {
                if (booking.IsAsInFeed(feedEvent.From, feedEvent.To, status)) unchanged++;
                else if (booking.SeenInFeed(feedEvent.From, feedEvent.To, status, now)) touched.Add(booking);
            }
            else
            {
                booking = Create(calendar, target, feedEvent, status, now);
                db.Bookings.Add(booking);
                touched.Add(booking);
            }
        }

        var interval = TimeSpan.FromMinutes(calendar.SyncIntervalMinutes);
        var missing = known.Values.Where(b => !present.Contains(b.ExternalUid!)).ToList();
        var misses = missing.Select(b => b.MissingFromFeed(now, interval, today, drops.IsSuspect)).ToList();
        if (unchanged > 0) await StampSeenAsync(calendar, missing.Select(b => b.Id).ToList(), now, ct);

        await conflicts.ReportAsync(target, touched.Where(b => b.Status != BookingStatus.Cancelled).ToList(), ct);
        return new FeedReconciliation(drops, misses.Count(m => m == FeedMiss.AwaitingConfirmation),
            misses.Count(m => m == FeedMiss.StartedAwaitingConfirmation));
    }

    /// <summary>
    /// The last-seen stamp of every booking the fetch had (<see cref="Booking.IsAsInFeed"/> ones, and the changed ones whose
    /// tracked update writes the same), in one statement instead of an update per booking (issue 14). It is written at
    /// once, not with the job's save; if that save fails, the stamp still says truly when the feed last had them.
    /// </summary>
    private async Task StampSeenAsync(PropertyCalendar calendar, List<Guid> missing, DateTime now, CancellationToken ct) =>
        await db.Bookings.Where(b => b.CalendarId == calendar.Id && b.ExternalUid != null && !missing.Contains(b.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.LastSyncAt, now), ct);

    private static Booking Create(PropertyCalendar calendar, SyncTarget target, FeedEvent e, BookingStatus status, DateTime now)
    {
        var notes = e.PhoneLast4 is null ? null : $"Guest phone (last 4 digits): {e.PhoneLast4}";
        var stay = new StayPeriod(e.From, e.To, target.CheckinTime, target.CheckoutTime);
        return Booking.Create(target.PropertyId, stay, calendar.Channel, e.ReservationCode ?? e.Uid, status,
            GuestDetails.None with { Notes = notes }, now, calendar.Id, e.Uid);
    }
}
