using System.Text.RegularExpressions;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Kasify.Application.Calendars.Feeds;
using Kasify.Application.Common;

namespace Kasify.Infrastructure.Calendars.Feeds;

internal sealed partial class IcalCalendarFeedParser(int maxEvents) : ICalendarFeedParser
{
    /// <summary>Far above any real listing (a year of one-night stays on a few channels) and cheap to reconcile.</summary>
    public const int DefaultMaxEvents = 5000;

    public IcalCalendarFeedParser() : this(DefaultMaxEvents)
    {
    }

    public FeedParseResult Parse(string body)
    {
        var text = body.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.Length == 0)
        {
            return new FeedParseResult.Failed("not an iCalendar document: the body is empty");
        }

        if (!text.StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            return new FeedParseResult.Failed(text.StartsWith('<')
                ? "not an iCalendar document: looks like an HTML or XML page"
                : "not an iCalendar document: does not start with BEGIN:VCALENDAR");
        }

        // A cut-off download would otherwise parse as a shorter feed, and its missing events would look cancelled.
        if (!text.TrimEnd().EndsWith("END:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            return new FeedParseResult.Failed("truncated iCalendar document: it does not end with END:VCALENDAR");
        }

        // Counted before parsing: a hostile feed must not make us build and reconcile millions of events.
        if (EventStart().Count(text) > maxEvents)
        {
            return new FeedParseResult.Failed($"the feed has more than {maxEvents} events; nothing was changed");
        }

        CalendarCollection calendars;
        try
        {
            calendars = CalendarCollection.Load(text);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new FeedParseResult.Failed($"invalid iCalendar: {ex.Message}");
        }

        if (calendars.Count == 0)
        {
            return new FeedParseResult.Failed("no VCALENDAR in the document");
        }

        var unfolded = FoldedLineBreak().Replace(text, string.Empty);
        var events = new List<FeedEvent>();
        var skipped = new List<string>();
        var seenUids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var calendar in calendars)
        {
            var fromKasify = calendar.ProductId?.Contains("Kasify", StringComparison.OrdinalIgnoreCase) == true;
            foreach (var calendarEvent in calendar.Events)
            {
                if (OutOfRange(calendarEvent) is { } reason)
                {
                    skipped.Add(reason);
                    continue;
                }

                // First occurrence wins: later copies are recurrence overrides or duplicates.
                if (ToFeedEvent(calendarEvent, fromKasify) is { } feedEvent
                    && !IsGeneratedByIcalNet(feedEvent.Uid, unfolded)
                    && seenUids.Add(feedEvent.Uid))
                {
                    events.Add(feedEvent);
                }
            }
        }

        return new FeedParseResult.Parsed(events) { Skipped = skipped };
    }

    // Dates a stay cannot have (a typo, or a feed probing our date arithmetic): skipped, the rest of the feed applies.
    private static string? OutOfRange(CalendarEvent calendarEvent)
    {
        if (calendarEvent.DtStart is not { } start) return null;
        var end = calendarEvent.DtEnd?.Date ?? start.Date;
        if (SaneDates.Contains(start.Date) && SaneDates.Contains(end)) return null;
        return $"event {Shorten(calendarEvent.Uid)} dated {start.Date:yyyy-MM-dd} → {end:yyyy-MM-dd} is outside " +
               $"{SaneDates.Min:yyyy-MM-dd} – {SaneDates.Max:yyyy-MM-dd} and was skipped";
    }

    private static string Shorten(string? uid) => uid is null ? "(no UID)" : uid.Length > 60 ? uid[..60] + "…" : uid;

    // Ical.Net gives every event without a UID a fresh GUID; such a UID would change on every fetch.
    private static bool IsGeneratedByIcalNet(string uid, string unfoldedText) =>
        Guid.TryParse(uid, out _) && !unfoldedText.Contains(uid, StringComparison.OrdinalIgnoreCase);

    private static FeedEvent? ToFeedEvent(CalendarEvent calendarEvent, bool fromKasify)
    {
        var uid = calendarEvent.Uid?.Trim();
        if (string.IsNullOrEmpty(uid) || calendarEvent.DtStart is not { } start || !calendarEvent.IsActive)
        {
            return null;
        }

        var from = start.Date;
        var to = EndDateOf(calendarEvent, start);
        if (to <= from)
        {
            // DTEND missing, or a timed event that ends on its start day: count it as one night.
            to = from.AddDays(1);
        }

        return new FeedEvent(
            uid,
            from,
            to,
            calendarEvent.Summary,
            FeedEventClassifier.KindOf(calendarEvent.Summary),
            FeedEventClassifier.ReservationCodeIn(calendarEvent.Description),
            FeedEventClassifier.PhoneLast4In(calendarEvent.Description),
            fromKasify || uid.EndsWith("@kasify", StringComparison.OrdinalIgnoreCase));
    }

    // CalDateTime.Date is the date as written in the event's own zone (UTC, TZID or floating), never shifted to ours.
    private static DateOnly EndDateOf(CalendarEvent calendarEvent, CalDateTime start)
    {
        if (calendarEvent.DtEnd is { } end)
        {
            return end.Date;
        }

        return calendarEvent.Duration is { } duration ? start.Add(duration).Date : start.Date;
    }

    [GeneratedRegex(@"^BEGIN:VEVENT", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex EventStart();

    [GeneratedRegex(@"\r?\n[ \t]")]
    private static partial Regex FoldedLineBreak();
}
