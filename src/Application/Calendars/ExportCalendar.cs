using System.Security.Cryptography;
using System.Text;
using Kasify.Application.Calendars.Feeds;
using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Calendars;

/// <summary>
/// GET /properties/{id}/calendar.ics?token= (public): confirmed stays and blocks as all-day events with stable UIDs and
/// no guest data. A wrong or missing token is a 404, like an unknown property; the token is compared in constant time.
/// </summary>
public sealed class ExportCalendarHandler(IKasifyDb db, ICalendarExportWriter writer, TimeProvider time)
{
    /// <summary>Stays that ended more than this long ago are left out.</summary>
    private const int PastDays = 30;

    public async Task<string> HandleAsync(Guid propertyId, string? token, CancellationToken ct)
    {
        var property = await db.Properties.AsNoTracking().Where(p => p.Id == propertyId && p.ArchivedAt == null)
            .Select(p => new { p.Name, p.ExportToken, p.TimeZone }).SingleOrDefaultAsync(ct);
        if (property is null || !TokenMatches(property.ExportToken, token)) throw new NotFoundException("Calendar");

        var since = PropertyClock.Today(time.GetUtcNow().UtcDateTime, property.TimeZone).AddDays(-PastDays);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.PropertyId == propertyId && b.Status != BookingStatus.Cancelled && b.To >= since)
            .OrderBy(b => b.From).ThenBy(b => b.Id)
            .Select(b => new { b.Id, b.From, b.To, b.Status }).ToListAsync(ct);
        return writer.Write($"Kasify – {property.Name}",
            bookings.Select(b => new ExportEvent(ExportUid.For(b.Id), b.From, b.To, b.Status == BookingStatus.Confirmed ? "Reserved" : "Not available")));
    }

    private static bool TokenMatches(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
