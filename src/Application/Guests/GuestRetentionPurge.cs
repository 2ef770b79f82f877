using Kasify.Application.Common;
using Kasify.Application.Ses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kasify.Application.Guests;

/// <summary>
/// Daily job: guests of stays that ended more than <see cref="GuestOptions.RetentionYears"/> ago (archived properties
/// included) lose their personal data; each booking gets a <c>guests.purged</c> activity with the anonymised count.
/// </summary>
public sealed class GuestRetentionPurge(IKasifyDb db, SesReportLog log, IOptions<GuestOptions> options, TimeProvider time)
{
    public const string RecurringJobId = "guest-retention-purge";
    public const string PurgedActivity = "guests.purged";
    private const int BatchSize = 500;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // A stay ending on this day or earlier is past the retention period in every time zone.
        var lastDay = DateOnly.FromDateTime(now).AddYears(-options.Value.RetentionYears).AddDays(-1);
        var purged = 0;
        while (true)
        {
            var due = await (from g in db.Guests
                             join b in db.Bookings on g.BookingId equals b.Id
                             where g.PurgedAt == null && b.To <= lastDay
                             select new { Guest = g, Booking = b }).Take(BatchSize).ToListAsync(ct);
            if (due.Count == 0) return purged;
            foreach (var stay in due.GroupBy(d => d.Booking.Id))
            {
                foreach (var row in stay) row.Guest.Purge(now);
                var booking = stay.First().Booking;
                await log.WriteAsync(booking, PurgedActivity,
                    $"Retention period over: personal data of {stay.Count()} guest(s) of the stay from {booking.From:yyyy-MM-dd} removed", ct);
            }
            await db.SaveChangesAsync(ct);
            purged += due.Count;
        }
    }
}
