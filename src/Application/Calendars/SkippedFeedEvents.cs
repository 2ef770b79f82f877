using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Calendars;

/// <summary>
/// Feed events the parser skipped (dates outside 2000–2100) go on the timeline once each, as
/// <c>calendar.event_skipped</c>: the rest of the feed was applied, so the sync itself succeeded.
/// </summary>
public static class SkippedFeedEvents
{
    public const string Kind = "calendar.event_skipped";
    private const int MaxReportedPerSync = 20;

    public static async Task ReportAsync(IKasifyDb db, ActivityLog log, PropertyCalendar calendar, SyncTarget target,
        IReadOnlyList<string> skipped, CancellationToken ct)
    {
        if (skipped.Count == 0) return;
        var channel = calendar.Channel.LowerName();
        var summaries = skipped.Take(MaxReportedPerSync).Select(s => Truncate($"{channel} calendar: {s}")).Distinct().ToList();
        var known = await db.Activities.Where(a => a.Kind == Kind && a.SubjectId == calendar.Id && summaries.Contains(a.Summary))
            .Select(a => a.Summary).ToListAsync(ct);
        foreach (var summary in summaries.Except(known))
            await log.WriteAsync(Kind, summary, "calendar", calendar.Id, target.PropertyId, target.PropertyName, ct);
    }

    private static string Truncate(string s) => s.Length > 500 ? s[..500] : s;
}
