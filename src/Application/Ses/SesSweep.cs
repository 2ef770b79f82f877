using Kasify.Application.Checkin;
using Kasify.Application.Common;
using Kasify.Application.Integrations;
using Kasify.Application.Jobs;
using Kasify.Domain.Bookings;
using Kasify.Domain.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Ses;

/// <summary>
/// Hourly safety net, re-derived from the database (archived properties included: their reports still count). It queues
/// completed check-ins never queued (e.g. the integration came later), re-queues every report still pending — however
/// many attempts failed — or claimed by a worker that vanished, keeps polling submitted lotes, raises
/// <c>ses.report_overdue</c> once a stay's 24-hour deadline passed unsent, and repairs lost check-in deadline jobs.
/// Queueing is deduplicated and the jobs themselves check the report's state, so running twice is harmless.
/// </summary>
public sealed class SesSweep(IKasifyDb db, IOutbox outbox, SesReportLog log, TimeProvider time)
{
    public const string RecurringJobId = "ses-sweep";
    private const int LookBackDays = 30;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var oldest = today.AddDays(-LookBackDays);
        var reporting = db.Properties.Where(p => p.SesEstablishmentCode != null);
        var withIntegration = reporting.Where(p => db.Integrations.Any(i => i.AccountId == p.AccountId && i.Type == IntegrationTypes.Ses && i.Status == IntegrationStatus.Active));

        var neverQueued = await (from b in db.Bookings
                                 join p in withIntegration on b.PropertyId equals p.Id
                                 where b.CheckinCompletedAt != null && b.Status != BookingStatus.Cancelled && b.To >= oldest
                                       && b.Ses.State == SesReportState.None
                                 select b).ToListAsync(ct);
        foreach (var booking in neverQueued) booking.QueueSesReport();

        var toSend = await db.Bookings.AsNoTracking()
            .Where(b => b.Status != BookingStatus.Cancelled && (b.Ses.State == SesReportState.Pending || b.Ses.State == SesReportState.Sending))
            .Select(b => new { b.Id, b.PropertyId }).ToListAsync(ct);
        foreach (var booking in neverQueued.Select(b => new { b.Id, b.PropertyId }).Concat(toSend).DistinctBy(b => b.Id))
        {
            var job = new SubmitTravellerReport(booking.Id);
            await outbox.EnqueueAsync(SubmitTravellerReport.Kind, job, propertyId: booking.PropertyId, dedupKey: job.DedupKey, ct: ct);
        }

        var submitted = await db.Bookings.AsNoTracking().Where(b => b.Ses.State == SesReportState.Submitted && b.Ses.BatchId != null)
            .Select(b => new { b.Id, b.PropertyId, b.Ses.BatchId }).ToListAsync(ct);
        foreach (var booking in submitted)
        {
            var poll = new PollSesBatch(booking.Id, booking.BatchId!, 1);
            await outbox.EnqueueAsync(PollSesBatch.Kind, poll, now, booking.PropertyId, poll.DedupKey, ct);
        }

        var overdue = await RaiseOverdueAsync(now, today, oldest, ct);
        var lostDeadlines = await RepairDeadlineJobsAsync(now, today, oldest, reporting, ct);
        await db.SaveChangesAsync(ct);
        return neverQueued.Count + toSend.Count + submitted.Count + overdue + lostDeadlines;
    }

    private async Task<int> RaiseOverdueAsync(DateTime now, DateOnly today, DateOnly oldest, CancellationToken ct)
    {
        var candidates = await (from b in db.Bookings
                                join p in db.Properties on b.PropertyId equals p.Id
                                where p.SesEstablishmentCode != null && b.Status == BookingStatus.Confirmed && b.Ses.OverdueAt == null
                                      && b.From >= oldest && b.From <= today
                                      && b.Ses.State != SesReportState.Submitted && b.Ses.State != SesReportState.Accepted
                                select new { Booking = b, p }).ToListAsync(ct);
        var late = candidates.Where(c => now >= CheckinState.ArrivalUtc(c.Booking, c.p) + CheckinDeadline.AfterArrival).ToList();
        foreach (var (booking, _) in late.Select(c => (c.Booking, c.p)))
        {
            booking.SesReportOverdue(now);
            await log.WriteAsync(booking, SesActivities.Overdue,
                $"The parte de viajeros of the stay from {booking.From:yyyy-MM-dd} was not accepted by SES within 24 h of arrival", ct);
        }
        return late.Count;
    }

    // Arrival + 24 h has surely passed for stays that began two days ago or earlier, whatever the time zone.
    private async Task<int> RepairDeadlineJobsAsync(DateTime now, DateOnly today, DateOnly oldest, IQueryable<Domain.Properties.Property> reporting,
        CancellationToken ct)
    {
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
        return overdue.Count;
    }
}
