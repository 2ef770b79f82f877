using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Domain.AccessCodes;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kasify.Application.AccessCodes;

/// <summary>
/// Recurring safety net, re-derived from the database: confirmed stays whose codes are due but missing on some lock
/// get a provision job; codes still standing for cancelled stays or stays past check-out + grace get a revoke job;
/// codes submitted long ago that never got their id and have no check in flight (the process stopped between the
/// vendor call and our save) get a resumed check.
/// Two instances sweeping at once only queue jobs that are idempotent (claim by status, unique index, lookup by name).
/// </summary>
public sealed class AccessCodeSweep(IKasifyDb db, IOutbox outbox, IOptions<AccessCodeOptions> options, TimeProvider time)
{
    public const string RecurringJobId = "access-code-sweep";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var horizon = today.AddDays((int)Math.Ceiling(options.Value.LeadHours / 24) + 2);

        var candidates = await (from b in db.Bookings
                                join p in db.Properties on b.PropertyId equals p.Id
                                where b.Status == BookingStatus.Confirmed && b.From <= horizon && b.To >= today.AddDays(-1)
                                      && db.SmartLocks.Count(l => l.PropertyId == p.Id)
                                         > db.AccessCodes.Count(c => c.BookingId == b.Id && !(c.Status == AccessCodeStatus.Pending && c.SubmittedAt == null))
                                select new { Booking = b, p.TimeZone }).AsNoTracking().ToListAsync(ct);
        var missing = candidates.Where(c => AccessCodeSchedule.For(c.Booking.Stay, c.TimeZone, options.Value).IsDue(now)).ToList();
        foreach (var c in missing)
            await outbox.EnqueueAsync(ProvisionAccessCodes.Kind, new ProvisionAccessCodes(c.Booking.Id), now, c.Booking.PropertyId,
                $"{ProvisionAccessCodes.Kind}:{c.Booking.Id}:sweep", ct);

        var standing = await (from c in db.AccessCodes
                              join b in db.Bookings on c.BookingId equals b.Id
                              join p in db.Properties on b.PropertyId equals p.Id
                              where c.Status != AccessCodeStatus.Revoked && (c.Status != AccessCodeStatus.Failed || c.SubmittedAt != null)
                              select new { Booking = b, p.TimeZone }).AsNoTracking().ToListAsync(ct);
        var over = standing.Where(s => s.Booking.Status != BookingStatus.Confirmed
                                       || AccessCodeSchedule.For(s.Booking.Stay, s.TimeZone, options.Value).RevokeAt <= now)
            .Select(s => s.Booking).DistinctBy(b => b.Id).ToList();
        foreach (var booking in over)
            await outbox.EnqueueAsync(RevokeAccessCodes.Kind, new RevokeAccessCodes(booking.Id), now, booking.PropertyId,
                $"{RevokeAccessCodes.Kind}:{booking.Id}:sweep", ct);

        var resumed = await ResumeStuckCodesAsync(now, ct);

        await db.SaveChangesAsync(ct);
        return missing.Count + over.Count + resumed;
    }

    /// <summary>Longer than a normal check cycle, so a code whose creation Nuki is still finishing is left alone.</summary>
    private TimeSpan StuckAfter => options.Value.CheckInterval * (options.Value.MaxChecks + 2);

    private async Task<int> ResumeStuckCodesAsync(DateTime now, CancellationToken ct)
    {
        var submittedBefore = now - StuckAfter;
        var stuck = await db.AccessCodes.AsNoTracking()
            .Where(c => c.Status == AccessCodeStatus.Pending && c.SubmittedAt != null && c.SubmittedAt < submittedBefore && c.ExternalCodeId == null)
            .Select(c => new { c.Id, c.PropertyId }).ToListAsync(ct);
        var resumed = 0;
        foreach (var code in stuck)
        {
            var id = code.Id.ToString();
            var checking = await db.OutboxMessages.AnyAsync(m => m.Kind == CheckAccessCode.Kind && m.ProcessedAt == null && m.FailedAt == null
                                                                 && m.CancelledAt == null && m.Payload.Contains(id), ct);
            if (checking) continue;
            await outbox.EnqueueAsync(CheckAccessCode.Kind, new CheckAccessCode(code.Id, Resume: true), now, code.PropertyId,
                $"{CheckAccessCode.Kind}:{code.Id}:resume", ct);
            resumed++;
        }
        return resumed;
    }
}
