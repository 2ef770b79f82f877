using System.Security.Cryptography;
using Kasify.Application.Checkin;
using Kasify.Application.Common;
using Kasify.Application.Integrations;
using Kasify.Application.Jobs;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Ses;

/// <summary>
/// The <c>ses.submit_report</c> job. Never two partes for one stay: the pending report is claimed and the claim saved
/// before SES is called, so a second worker or a sweep finds it taken. SES's answer is saved whatever else changed the
/// booking meanwhile. A failure SES surely did not act on leaves the report pending (the outbox retries with back-off,
/// the sweep re-queues it after that); a timeout or a lost answer makes it uncertain: it waits for a person.
/// </summary>
public sealed class SubmitTravellerReportJob(IKasifyDb db, ISesClient ses, SesIntegrationReader integrations,
    TravellerReportBuilder builder, SesReportLog log, SesBookingSaver saver, IOutbox outbox, TimeProvider time) : IOutboxJobHandler<SubmitTravellerReport>
{
    public string Kind => SubmitTravellerReport.Kind;

    public async Task HandleAsync(SubmitTravellerReport job, CancellationToken ct)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == job.BookingId, ct);
        if (booking is null || booking.Status == BookingStatus.Cancelled || booking.CheckinCompletedAt is null) return;
        if (booking.Ses.State == SesReportState.Sending)
        {
            await ResolveStaleClaimAsync(booking, ct);
            return;
        }
        if (booking.Ses.State != SesReportState.Pending) return;

        var property = await db.Properties.AsNoTracking().SingleAsync(p => p.Id == booking.PropertyId, ct);
        var integration = await integrations.FindActiveAsync(property.AccountId, ct);
        if (integration is null)
        {
            await ProblemAsync(booking, "The account has no active SES integration.", ct);
            return;
        }

        SesTravellerReport travellers;
        SesCredentials credentials;
        try
        {
            var guests = await db.Guests.AsNoTracking().Where(g => g.BookingId == booking.Id)
                .OrderBy(g => g.RegisteredAt).ThenBy(g => g.Id).ToListAsync(ct);
            travellers = builder.Build(booking, property, guests);
            credentials = integrations.Credentials(integration);
        }
        catch (Exception e) when (e is TravellerReportIncompleteException or CryptographicException)
        {
            var error = e is CryptographicException ? "The stored data could not be decrypted." : e.Message;
            await saver.SaveAsync(booking, b => Step(b, SesReportState.Pending, () => b.SesReportRejected(error)), ct);
            await log.WriteAsync(booking, SesActivities.Failed, $"SES report not sent: {error}", ct);
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!await saver.SaveAsync(booking, b => b.ClaimSesReport(now), ct)) return; // taken meanwhile

        SesSubmitResult result;
        try
        {
            result = await ses.SubmitTravellerReportAsync(credentials, travellers, ct);
        }
        catch (SesException e) when (e.Kind == SesErrorKind.OutcomeUnknown)
        {
            await saver.SaveAsync(booking, b => Step(b, SesReportState.Sending, () => b.SesReportUncertain(e.Message)), ct);
            await log.WriteAsync(booking, SesActivities.Uncertain,
                $"SES may or may not have received the parte de viajeros ({e.Reason}); confirm before it is sent again", ct);
            await db.SaveChangesAsync(ct);
            return;
        }
        catch (SesException e)
        {
            if (e.Kind == SesErrorKind.Unauthorized) integration.MarkFailing(time.GetUtcNow().UtcDateTime, "SES refused the web-service user and password.");
            await saver.SaveAsync(booking, b => Step(b, SesReportState.Sending, () => b.SesReportNotSent(e.Message)), ct);
            if (e.Kind == SesErrorKind.Transient) await RetryLaterAsync(booking, property, e, ct);
            await log.WriteAsync(booking, SesActivities.Failed, $"SES report not accepted: {e.Message}", ct);
            return;
        }

        switch (result)
        {
            case SesSubmitResult.Accepted accepted:
                await saver.SaveAsync(booking, b => Step(b, SesReportState.Sending, () => b.SesReportSent(accepted.BatchId, now)), ct);
                await log.WriteAsync(booking, SesActivities.Sent, $"Parte de viajeros sent to SES.HOSPEDAJES (lote {accepted.BatchId})", ct);
                var poll = new PollSesBatch(booking.Id, accepted.BatchId, 0);
                await outbox.EnqueueAsync(PollSesBatch.Kind, poll, now + PollSesBatch.DelayBefore(0), booking.PropertyId, poll.DedupKey, ct);
                break;
            case SesSubmitResult.Rejected rejected:
                var error = $"SES rejected the report ({rejected.Code}): {rejected.Description}";
                await saver.SaveAsync(booking, b => Step(b, SesReportState.Sending, () => b.SesReportRejected(error)), ct);
                await log.WriteAsync(booking, SesActivities.Rejected, $"SES report not accepted: {error}", ct);
                break;
        }
    }

    /// <summary>
    /// Transient: the outbox retries with back-off. Past the 24-hour deadline the job fails for good (an admin sees it in
    /// the job dashboard) while the report stays pending, so the hourly sweep keeps queueing new attempts.
    /// </summary>
    private async Task RetryLaterAsync(Booking booking, Property property, SesException e, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var deadline = CheckinState.ArrivalUtc(booking, property) + CheckinDeadline.AfterArrival;
        if (time.GetUtcNow().UtcDateTime >= deadline)
            throw new PermanentJobFailureException($"SES report of booking {booking.Id} is overdue and SES is still failing: {e.Reason}");
        throw e;
    }

    /// <summary>A worker claimed the report and vanished (crash, redeploy) before recording SES's answer.</summary>
    private async Task ResolveStaleClaimAsync(Booking booking, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (booking.Ses.ClaimedAt is { } claimed && now - claimed < SubmitTravellerReport.ClaimLease) return; // still in flight
        const string error = "The worker sending the report stopped before recording SES's answer.";
        if (!await saver.SaveAsync(booking, b => Step(b, SesReportState.Sending, () => b.SesReportUncertain(error)), ct)) return;
        await log.WriteAsync(booking, SesActivities.Uncertain,
            "SES may or may not have received the parte de viajeros (the sending worker stopped); confirm before it is sent again", ct);
    }

    private async Task ProblemAsync(Booking booking, string error, CancellationToken ct)
    {
        if (booking.Ses.LastError == error) return; // the sweep asks hourly: one activity is enough
        await saver.SaveAsync(booking, b => Step(b, SesReportState.Pending, () => b.NoteSesProblem(error)), ct);
        await log.WriteAsync(booking, SesActivities.Failed, $"SES report not sent: {error}", ct);
    }

    /// <summary>Applies <paramref name="change"/> only while the report is still in <paramref name="expected"/>.</summary>
    private static bool Step(Booking booking, SesReportState expected, Action change)
    {
        if (booking.Ses.State != expected) return false;
        change();
        return true;
    }
}
