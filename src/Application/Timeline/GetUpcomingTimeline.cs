using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Crew;
using Kasify.Domain.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Timeline;

/// <summary>
/// GET /timeline/upcoming?days: check-ins and check-outs of confirmed stays (not for contractors) and tasks, over the
/// next <c>days</c> property-local days (today included), grouped by the property-local day.
/// </summary>
[CallerScope]
public sealed class GetUpcomingTimelineHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, ITaskTimelineSource tasks, TimeProvider time)
{
    public const int DefaultDays = 7;
    public const int MaxDays = 60;

    public async Task<IReadOnlyList<TimelineDay>> HandleAsync(int? days, CancellationToken ct)
    {
        var span = days ?? DefaultDays;
        if (span is < 1 or > MaxDays) throw new ValidationFailedException("days", $"days must be between 1 and {MaxDays}.");
        var user = caller.User;
        var now = time.GetUtcNow().UtcDateTime;
        var roles = await access.RolesAsync(user, ct);
        var ids = roles.Keys.ToList();
        var properties = await db.Properties.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.TimeZone }).ToDictionaryAsync(p => p.Id, ct);

        var utcToday = DateOnly.FromDateTime(now);
        var readers = roles.Where(r => r.Value != AccessLevel.Contractor).Select(r => r.Key).ToList();
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => readers.Contains(b.PropertyId) && b.Status == BookingStatus.Confirmed
                        && ((b.From >= utcToday.AddDays(-1) && b.From <= utcToday.AddDays(span + 1)) || (b.To >= utcToday.AddDays(-1) && b.To <= utcToday.AddDays(span + 1))))
            .Select(b => new { b.Id, b.PropertyId, b.From, b.To, b.CheckinTime, b.CheckoutTime, b.Channel }) // not whole bookings with guest data
            .ToListAsync(ct);

        var items = new List<(DateOnly Date, TimelineItem Item)>();
        foreach (var b in bookings)
        {
            var p = properties[b.PropertyId];
            var today = PropertyClock.Today(now, p.TimeZone);
            var last = today.AddDays(span - 1);
            if (b.From >= today && b.From <= last)
                items.Add((b.From, new TimelineItem("checkin", TimeZones.ToUtc(b.From, b.CheckinTime, p.TimeZone), p.Id, p.Name, b.Id, null, $"Check-in ({b.Channel.LowerName()})")));
            if (b.To >= today && b.To <= last)
                items.Add((b.To, new TimelineItem("checkout", TimeZones.ToUtc(b.To, b.CheckoutTime, p.TimeZone), p.Id, p.Name, b.Id, null, $"Check-out ({b.Channel.LowerName()})")));
        }
        foreach (var task in await tasks.UpcomingAsync(user, roles, now.AddDays(-1), now.AddDays(span + 1), ct))
        {
            if (!properties.TryGetValue(task.PropertyId, out var p)) continue;
            var today = PropertyClock.Today(now, p.TimeZone);
            var date = PropertyClock.Today(task.At, p.TimeZone);
            if (date >= today && date <= today.AddDays(span - 1)) items.Add((date, task));
        }

        return items.GroupBy(i => i.Date).OrderBy(g => g.Key)
            .Select(g => new TimelineDay(g.Key, g.Select(i => i.Item).OrderBy(i => i.At).ThenBy(i => i.PropertyName).ToList()))
            .ToList();
    }

}
