using Kasify.Application.Common;
using Kasify.Application.Integrations;
using Kasify.Application.Jobs;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Ses;

/// <summary>
/// The <c>ses.cancel_and_resend</c> job: an accepted parte is corrected by cancelling its lote (anulación) and sending
/// it again. Only after SES confirmed the anulación is the report queued anew; failures are retried by the outbox.
/// </summary>
public sealed class CancelAndResendTravellerReportJob(IKasifyDb db, ISesClient ses, SesIntegrationReader integrations,
    SesReportLog log, SesBookingSaver saver, IOutbox outbox) : IOutboxJobHandler<CancelAndResendTravellerReport>
{
    public string Kind => CancelAndResendTravellerReport.Kind;

    public async Task HandleAsync(CancelAndResendTravellerReport job, CancellationToken ct)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == job.BookingId, ct);
        if (booking is null || booking.Ses.State != SesReportState.Accepted || booking.Ses.BatchId != job.BatchId) return;

        var accountId = await db.Properties.Where(p => p.Id == booking.PropertyId).Select(p => p.AccountId).SingleAsync(ct);
        var integration = await integrations.FindActiveAsync(accountId, ct)
                          ?? throw new PermanentJobFailureException("The account has no active SES integration.");
        try
        {
            await ses.CancelBatchAsync(integrations.Credentials(integration), job.BatchId, ct);
        }
        catch (SesException e) when (e.Kind is SesErrorKind.Rejected or SesErrorKind.Unauthorized)
        {
            await saver.SaveAsync(booking, b => Accepted(b, job, () => b.NoteSesProblem($"Anulación refused: {e.Message}")), ct);
            await log.WriteAsync(booking, SesActivities.Failed, $"SES refused to cancel lote {job.BatchId}: {e.Message}", ct);
            return;
        }

        if (!await saver.SaveAsync(booking, b => Accepted(b, job, () => b.QueueSesReport()), ct)) return;
        await log.WriteAsync(booking, SesActivities.Cancelled, $"Lote {job.BatchId} cancelled in SES.HOSPEDAJES (anulación); the corrected parte follows", ct);
        var submit = new SubmitTravellerReport(booking.Id);
        await outbox.EnqueueAsync(SubmitTravellerReport.Kind, submit, propertyId: booking.PropertyId, dedupKey: submit.DedupKey, ct: ct);
    }

    private static bool Accepted(Booking booking, CancelAndResendTravellerReport job, Action change)
    {
        if (booking.Ses.State != SesReportState.Accepted || booking.Ses.BatchId != job.BatchId) return false;
        change();
        return true;
    }
}
