using Kasify.Application.Checkin;
using Kasify.Application.Common;
using Kasify.Application.Integrations;
using Kasify.Application.Jobs;
using Kasify.Domain.Bookings;
using Kasify.Domain.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Ses;

/// <summary>
/// Recurring safety net, re-derived from the database: queues the report of completed check-ins that were never
/// attempted (e.g. the SES integration was added afterwards) and the deadline check of recent stays still incomplete
/// 24 h after arrival with no alert yet. The jobs themselves stay idempotent, so queueing twice is harmless.
/// </summary>
public sealed class SesSweep(IKasifyDb db, IOutbox outbox, TimeProvider time)
{
    public const string RecurringJobId = "ses-sweep";
    private const int LookBackDays = 30;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var oldest = today.AddDays(-LookBackDays);
        var reporting = db.Properties.Where(p => p.SesEstablishmentCode != null);

        var unsent = await (from b in db.Bookings
                            join p in reporting on b.PropertyId equals p.Id
                            where b.CheckinCompletedAt != null && b.Status != BookingStatus.Cancelled && b.To >= oldest
                                  && b.SesBatchId == null && b.SesSubmittedAt == null && b.SesLastAttemptAt == null
                                  && db.Integrations.Any(i => i.AccountId == p.AccountId && i.Type == IntegrationTypes.Ses && i.Status == IntegrationStatus.Active)
                            select new { b.Id, b.PropertyId }).ToListAsync(ct);
        foreach (var booking in unsent)
        {
            var job = new SubmitTravellerReport(booking.Id);
            await outbox.EnqueueAsync(SubmitTravellerReport.Kind, job, propertyId: booking.PropertyId, dedupKey: job.DedupKey, ct: ct);
        }

        // Arrival + 24 h has surely passed for stays that began two days ago or earlier, whatever the time zone.
        var overdue = await (from b in db.Bookings
                             join p in reporting on b.PropertyId equals p.Id
                             where b.Status == BookingStatus.Confirmed && b.CheckinCompletedAt == null
                                   && b.From >= oldest && b.From <= today.AddDays(-2)
                                   && !db.Activities.Any(a => a.SubjectId == b.Id && a.Kind == SesActivities.DeadlineMissed)
                             select new { b.Id, b.PropertyId }).ToListAsync(ct);
        foreach (var booking in overdue)
        {
            var job = new CheckinDeadline(booking.Id);
            await outbox.EnqueueAsync(CheckinDeadline.Kind, job, now, booking.PropertyId, $"{CheckinDeadline.Kind}:{booking.Id}:sweep", ct);
        }

        await db.SaveChangesAsync(ct);
        return unsent.Count + overdue.Count;
    }
}
