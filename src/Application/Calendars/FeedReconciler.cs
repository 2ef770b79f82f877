using Kasify.Application.Calendars.Feeds;
using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Calendars;

/// <summary>
/// Reconciles one calendar's bookings with a good fetch, by UID (docs/api.md §8): new UIDs become bookings, moved ones are
/// updated. A UID missing from two full fetches at least one sync interval apart cancels its booking if the stay is
/// still in the future (a 304 confirms nothing: it is not a fetch of the events); a fetch dropping most future stays
/// at once, or an empty fetch dropping any, cancels nothing (<see cref="SuspectFeedRule"/>). Applying the same feed
/// again changes nothing. Overlaps with other confirmed stays are reported, never merged.
/// </summary>
public sealed class FeedReconciler(IKasifyDb db, BookingConflicts conflicts)
{
    /// <param name="events">The feed's events, our own echoed export already taken out.</param>
    /// <param name="fetchedAt">When this sync started: misses are timed by it, so two fetches one interval apart count twice.</param>
    /// <param name="feedIsEmpty">The fetch had no event at all: any drop makes it suspect (<see cref="SuspectFeedRule"/>).</param>
    public async Task<FeedReconciliation> ReconcileAsync(PropertyCalendar calendar, SyncTarget target, IReadOnlyList<FeedEvent> events,
        DateTime fetchedAt, bool feedIsEmpty, CancellationToken ct)
    {
        var now = fetchedAt;
        var today = PropertyClock.Today(now, target.TimeZone);
        var known = (await db.Bookings.Where(b => b.CalendarId == calendar.Id).ToListAsync(ct))
            .Where(b => b.ExternalUid is not null).ToDictionary(b => b.ExternalUid!, StringComparer.Ordinal);
        var present = events.Select(e => e.Uid).ToHashSet(StringComparer.Ordinal);
        var future = known.Values.Where(b => b.Status != BookingStatus.Cancelled && b.From > today).ToList();
        var dropped = future.Count(b => b.MissingFromFeedCount == 0 && !present.Contains(b.ExternalUid!));
        var result = new FeedReconciliation(SuspectFeedRule.IsSuspect(future.Count, dropped, feedIsEmpty), dropped, future.Count);
        var touched = new List<Booking>();

        foreach (var feedEvent in events)
        {
            var status = FeedStatusRule.StatusOf(calendar.Channel, feedEvent.Kind);
            if (known.TryGetValue(feedEvent.Uid, out var booking))
            {
                if (Update(booking, feedEvent, status, now)) touched.Add(booking);
            }
            else
            {
                booking = Create(calendar, target, feedEvent, status, now);
                db.Bookings.Add(booking);
                touched.Add(booking);
            }
        }

        var interval = TimeSpan.FromMinutes(calendar.SyncIntervalMinutes);
        var (awaitingConfirmation, startedAwaiting) = (0, 0);
        foreach (var booking in known.Values.Where(b => b.Status != BookingStatus.Cancelled && !present.Contains(b.ExternalUid!)))
        {
            var gone = booking.MissingFromFeed(now, interval);
            if (booking.From <= today)
            {
                if (!gone && booking.To > today) startedAwaiting++;
                continue;
            }
            if (gone && !result.Suspect) booking.Cancel(now);
            else awaitingConfirmation++;
        }

        await conflicts.ReportAsync(target, touched.Where(b => b.Status != BookingStatus.Cancelled).ToList(), ct);
        return result with { AwaitingConfirmation = awaitingConfirmation, StartedAwaitingConfirmation = startedAwaiting };
    }

    private static Booking Create(PropertyCalendar calendar, SyncTarget target, FeedEvent e, BookingStatus status, DateTime now)
    {
        var notes = e.PhoneLast4 is null ? null : $"Guest phone (last 4 digits): {e.PhoneLast4}";
        var stay = new StayPeriod(e.From, e.To, target.CheckinTime, target.CheckoutTime);
        return Booking.Create(target.PropertyId, stay, calendar.Channel, e.ReservationCode ?? e.Uid, status,
            GuestDetails.None with { Notes = notes }, now, calendar.Id, e.Uid);
    }

    /// <returns>Whether the stay or its status changed.</returns>
    private static bool Update(Booking booking, FeedEvent e, BookingStatus status, DateTime now)
    {
        var wasCancelledBySync = booking.Status == BookingStatus.Cancelled && booking.MissingFromFeedCount >= 2;
        booking.SeenInFeed(now);
        var changed = false;
        if (booking.From != e.From || booking.To != e.To)
        {
            booking.ChangeStay(booking.Stay with { From = e.From, To = e.To });
            changed = true;
        }

        // A stay the host cancelled in Kasify stays cancelled; one the sync cancelled comes back with the feed.
        if (booking.Status == BookingStatus.Cancelled && !wasCancelledBySync) return changed;
        if (booking.Status == status) return changed;
        if (status == BookingStatus.Confirmed) booking.Confirm();
        else booking.Block();
        return true;
    }
}
