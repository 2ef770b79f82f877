using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Tasks;

/// <summary>The next confirmed stay after a task: dates and guest counts only.</summary>
public sealed class NextBookings(IKasifyDb db)
{
    public async Task<NextBookingResponse?> AfterAsync(PropertyTask task, string timeZone, CancellationToken ct)
    {
        var after = task.BookingId is { } bookingId
            ? await db.Bookings.AsNoTracking().Where(b => b.Id == bookingId).Select(b => (DateOnly?)b.To).SingleOrDefaultAsync(ct)
            : null;
        var fromDay = after ?? LocalDate(task.From, timeZone);
        var next = await db.Bookings.AsNoTracking()
            .Where(b => b.PropertyId == task.PropertyId && b.Status == BookingStatus.Confirmed && b.From >= fromDay && b.Id != task.BookingId)
            .OrderBy(b => b.From).ThenBy(b => b.CheckinTime)
            .Select(b => new { b.From, b.To, b.AdultsCount, b.ChildrenCount, b.InfantsCount })
            .FirstOrDefaultAsync(ct);
        return next is null
            ? null
            : new NextBookingResponse(next.From, next.To, next.AdultsCount + next.ChildrenCount, next.ChildrenCount + next.InfantsCount > 0);
    }

    /// <summary>
    /// <see cref="AfterAsync"/> for a page of tasks in three queries instead of two per task: the tasks' own stays, every
    /// confirmed stay of their properties starting within the page's span of days, and the first two after that span per
    /// property (the answer for a task on the span's last day, its own stay excluded).
    /// </summary>
    public async Task<Dictionary<Guid, NextBookingResponse?>> AfterAllAsync(IReadOnlyCollection<PropertyTask> tasks,
        Func<Guid, string> timeZoneOf, CancellationToken ct)
    {
        var result = new Dictionary<Guid, NextBookingResponse?>();
        if (tasks.Count == 0) return result;
        var bookingIds = tasks.Where(t => t.BookingId is not null).Select(t => t.BookingId!.Value).Distinct().ToList();
        var stayEnds = bookingIds.Count == 0
            ? []
            : await db.Bookings.AsNoTracking().Where(b => bookingIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.To, ct);
        var fromDays = tasks.ToDictionary(t => t.Id, t =>
            t.BookingId is { } id && stayEnds.TryGetValue(id, out var end) ? end : LocalDate(t.From, timeZoneOf(t.PropertyId)));
        var first = fromDays.Values.Min();
        var last = fromDays.Values.Max();
        var propertyIds = tasks.Select(t => t.PropertyId).Distinct().ToList();

        var confirmed = db.Bookings.AsNoTracking().Where(b => propertyIds.Contains(b.PropertyId) && b.Status == BookingStatus.Confirmed);
        var candidates = await confirmed.Where(b => b.From >= first && b.From <= last)
            .Select(b => new Candidate(b.Id, b.PropertyId, b.From, b.To, b.CheckinTime, b.AdultsCount, b.ChildrenCount, b.InfantsCount))
            .ToListAsync(ct);
        var beyond = await db.Properties.AsNoTracking().Where(p => propertyIds.Contains(p.Id))
            .SelectMany(p => confirmed.Where(b => b.PropertyId == p.Id && b.From > last).OrderBy(b => b.From).ThenBy(b => b.CheckinTime).Take(2))
            .Select(b => new Candidate(b.Id, b.PropertyId, b.From, b.To, b.CheckinTime, b.AdultsCount, b.ChildrenCount, b.InfantsCount))
            .ToListAsync(ct);
        var byProperty = candidates.Concat(beyond).DistinctBy(c => c.Id)
            .GroupBy(c => c.PropertyId)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.From).ThenBy(c => c.CheckinTime).ToList());

        foreach (var task in tasks)
        {
            var fromDay = fromDays[task.Id];
            var next = byProperty.GetValueOrDefault(task.PropertyId)?.FirstOrDefault(c => c.From >= fromDay && c.Id != task.BookingId);
            result[task.Id] = next is null
                ? null
                : new NextBookingResponse(next.From, next.To, next.AdultsCount + next.ChildrenCount, next.ChildrenCount + next.InfantsCount > 0);
        }
        return result;
    }

    private sealed record Candidate(Guid Id, Guid PropertyId, DateOnly From, DateOnly To, TimeOnly CheckinTime,
        int AdultsCount, int ChildrenCount, int InfantsCount);

    private static DateOnly LocalDate(DateTime utc, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(timeZone)));
}
