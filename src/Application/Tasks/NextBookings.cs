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

    private static DateOnly LocalDate(DateTime utc, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(timeZone)));
}
