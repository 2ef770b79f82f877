using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Ses;

/// <summary>
/// Saves an SES step on a booking that other writers (calendar syncs, hosts) touch often. On a concurrency conflict
/// the booking is read again and the same step re-applied: what SES answered is never lost and never re-asked.
/// </summary>
public sealed class SesBookingSaver(IKasifyDb db)
{
    private const int Tries = 5;

    /// <returns>False when <paramref name="step"/> no longer applies to the fresh booking (someone else moved the report on).</returns>
    public async Task<bool> SaveAsync(Booking booking, Func<Booking, bool> step, CancellationToken ct)
    {
        if (!step(booking)) return false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Tries)
            {
                await db.Bookings.Entry(booking).ReloadAsync(ct);
                if (!step(booking)) return false;
            }
        }
    }
}
