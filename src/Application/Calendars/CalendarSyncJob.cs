using Kasify.Application.Calendars.Feeds;
using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Application.Timeline;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Calendars;

/// <summary>
/// The <c>calendar.sync</c> job: a conditional fetch (ETag / Last-Modified; the fetcher has the timeout, size cap and
/// retries), then reconciliation. An HTTP error or an unparsable body changes no booking and sets <c>lastError</c> (and a
/// <c>calendar.sync_failed</c> activity when the error is new). A feed that is suddenly empty while bookings lie ahead, or
/// a fetch dropping most future stays at once, is held the same way but counts its drops as first misses
/// (<see cref="Domain.Bookings.FeedDrops"/>): a full fetch one sync interval later that still lacks them cancels those future
/// stays, so a feed whose last reservation was cancelled does empty. A 304 confirms nothing: no miss is counted.
/// Idempotent: it re-reads everything and applying the same feed twice changes nothing.
/// </summary>
public sealed class CalendarSyncJob(IKasifyDb db, ICalendarFeedFetcher fetcher, ICalendarFeedParser parser, FeedReconciler reconciler,
    ActivityLog log, TimeProvider time) : IOutboxJobHandler<CalendarSyncRequest>
{
    public string Kind => CalendarSyncRequest.Kind;

    public async Task HandleAsync(CalendarSyncRequest request, CancellationToken ct)
    {
        var calendar = await db.PropertyCalendars
            .SingleOrDefaultAsync(c => c.PropertyId == request.PropertyId && c.Channel == request.Channel, ct);
        if (calendar is null) return; // removed since: nothing to do
        var target = await db.Properties.AsNoTracking().Where(p => p.Id == calendar.PropertyId)
            .Select(p => new SyncTarget(p.Id, p.Name, p.TimeZone, p.CheckinTime, p.CheckoutTime)).SingleAsync(ct);

        var now = time.GetUtcNow().UtcDateTime;
        calendar.RecordAttempt(now);
        if (!Uri.TryCreate(calendar.Url, UriKind.Absolute, out var url))
        {
            await FailAsync(calendar, target, "The calendar URL is not an absolute http(s) URL.", ct);
            return;
        }

        var lastModified = calendar.LastModified is { } lm ? new DateTimeOffset(lm, TimeSpan.Zero) : (DateTimeOffset?)null;
        switch (await fetcher.FetchAsync(url, calendar.ETag, lastModified, ct))
        {
            case FeedFetchResult.Failed failed:
                await FailAsync(calendar, target, $"Fetch failed: {failed.Reason}", ct);
                break;
            case FeedFetchResult.NotModified:
                calendar.RecordSuccess(now, calendar.ETag, calendar.LastModified); // same as the last accepted fetch
                break;
            case FeedFetchResult.Fetched fetched:
                await ApplyAsync(calendar, target, fetched, now, ct);
                break;
        }
    }

    private async Task ApplyAsync(PropertyCalendar calendar, SyncTarget target, FeedFetchResult.Fetched fetched, DateTime now, CancellationToken ct)
    {
        var parsed = parser.Parse(fetched.Body);
        if (parsed is FeedParseResult.Failed unparsable)
        {
            await FailAsync(calendar, target, $"Unparsable feed: {unparsable.Reason}", ct);
            return;
        }

        var all = ((FeedParseResult.Parsed)parsed).Events;
        var suddenlyEmpty = all.Count == 0 && await HasFutureBookingsAsync(calendar, target, now, ct);
        var events = await WithoutOurOwnEchoAsync(all, target.PropertyId, ct);
        var reconciliation = await reconciler.ReconcileAsync(calendar, target, events, now, suddenlyEmpty, ct);
        if (suddenlyEmpty && reconciliation.Unconfirmed)
            await FailAsync(calendar, target, FeedReconciliation.EmptyReason, ct); // old validators kept, as for a suspect fetch
        else if (reconciliation.Suspect)
            await FailAsync(calendar, target, reconciliation.HeldReason, ct); // old validators kept: the next fetch gets the whole feed
        else if (reconciliation.AwaitingConfirmation > 0)
            calendar.RecordSuccess(now); // a miss needs a second full fetch to count: a 304 would confirm nothing
        else
            calendar.RecordSuccess(now, fetched.ETag, fetched.LastModified?.UtcDateTime);
        await SkippedFeedEvents.ReportAsync(db, log, calendar, target, ((FeedParseResult.Parsed)parsed).Skipped, ct);
    }

    /// <summary>Our export of this same property, echoed back by a channel (UID <c>{bookingId}@kasify</c>).</summary>
    private async Task<IReadOnlyList<FeedEvent>> WithoutOurOwnEchoAsync(IReadOnlyList<FeedEvent> events, Guid propertyId, CancellationToken ct)
    {
        var echoedIds = events.Where(e => e.IsKasifyExport).Select(e => ExportUid.BookingIdOf(e.Uid)).OfType<Guid>().ToList();
        if (echoedIds.Count == 0) return events;
        var ours = (await db.Bookings.Where(b => b.PropertyId == propertyId && echoedIds.Contains(b.Id)).Select(b => b.Id).ToListAsync(ct)).ToHashSet();
        return events.Where(e => !(e.IsKasifyExport && ExportUid.BookingIdOf(e.Uid) is { } id && ours.Contains(id))).ToList();
    }

    private Task<bool> HasFutureBookingsAsync(PropertyCalendar calendar, SyncTarget target, DateTime now, CancellationToken ct)
    {
        var today = PropertyClock.Today(now, target.TimeZone);
        return db.Bookings.AnyAsync(b => b.CalendarId == calendar.Id && b.Status != BookingStatus.Cancelled && b.To > today, ct);
    }

    private async Task FailAsync(PropertyCalendar calendar, SyncTarget target, string error, CancellationToken ct)
    {
        var isNew = calendar.LastError != error;
        calendar.RecordFailure(error);
        if (isNew)
            await log.WriteAsync("calendar.sync_failed", $"{calendar.Channel.LowerName()} calendar sync failed: {error}",
                "calendar", calendar.Id, target.PropertyId, target.PropertyName, ct);
    }
}
