using System.Security.Cryptography;
using Kasify.Application.Common;
using Kasify.Application.Integrations;
using Kasify.Application.Jobs;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Ses;

/// <summary>
/// The <c>ses.poll_batch</c> job: asks SES how a lote went until it settles (accepted or rejected). A lote still being
/// processed, or a query that fails, is asked about again later — with back-off up to hourly, never given up on.
/// </summary>
public sealed class PollSesBatchJob(IKasifyDb db, ISesClient ses, SesIntegrationReader integrations, SesReportLog log,
    SesBookingSaver saver, IOutbox outbox, TimeProvider time) : IOutboxJobHandler<PollSesBatch>
{
    public string Kind => PollSesBatch.Kind;

    public async Task HandleAsync(PollSesBatch job, CancellationToken ct)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == job.BookingId, ct);
        if (booking is null || !IsWaitingFor(booking, job.BatchId)) return;

        var accountId = await db.Properties.Where(p => p.Id == booking.PropertyId).Select(p => p.AccountId).SingleAsync(ct);
        var integration = await integrations.FindActiveAsync(accountId, ct);
        if (integration is null)
        {
            await AgainLaterAsync(booking, job, $"Lote {job.BatchId} cannot be checked: the account has no active SES integration.", ct);
            return;
        }

        SesBatchStatus status;
        try
        {
            status = await ses.GetBatchStatusAsync(integrations.Credentials(integration), job.BatchId, ct);
        }
        catch (CryptographicException)
        {
            await AgainLaterAsync(booking, job, "The SES credentials could not be decrypted.", ct);
            return;
        }
        catch (SesException e)
        {
            if (e.Kind == SesErrorKind.Unauthorized) integration.MarkFailing(time.GetUtcNow().UtcDateTime, "SES refused the web-service user and password.");
            await AgainLaterAsync(booking, job, e.Message, ct);
            return;
        }

        switch (status)
        {
            case SesBatchStatus.Processing:
                await AgainLaterAsync(booking, job, null, ct);
                break;
            case SesBatchStatus.Processed processed:
                await SettleAsync(booking, job, processed.Communications, ct);
                break;
            case SesBatchStatus.ProcessedWithErrors { Errors.Count: 0 } processed:
                await SettleAsync(booking, job, processed.Communications, ct);
                break;
            case SesBatchStatus.ProcessedWithErrors withErrors:
                await RejectAsync(booking, job, $"Lote {job.BatchId} processed with errors: {Describe(withErrors.Errors)}", ct);
                break;
            case SesBatchStatus.Rejected rejected:
                await RejectAsync(booking, job, $"Lote {job.BatchId} rejected: {rejected.StateDescription} {Describe(rejected.Errors)}".TrimEnd(), ct);
                break;
        }
    }

    private static bool IsWaitingFor(Booking booking, string batchId) =>
        booking.Ses.State == SesReportState.Submitted && booking.Ses.BatchId == batchId;

    private async Task SettleAsync(Booking booking, PollSesBatch job, IReadOnlyList<SesCommunicationAccepted> communications, CancellationToken ct)
    {
        var code = communications.OrderBy(c => c.Order).Select(c => c.CommunicationCode).FirstOrDefault();
        var now = time.GetUtcNow().UtcDateTime;
        if (!await saver.SaveAsync(booking, b => Step(b, job, () => b.SesReportAccepted(code, now)), ct)) return;
        await log.WriteAsync(booking, SesActivities.Submitted, $"SES.HOSPEDAJES processed the parte de viajeros (lote {job.BatchId})", ct);
    }

    private async Task RejectAsync(Booking booking, PollSesBatch job, string error, CancellationToken ct)
    {
        if (!await saver.SaveAsync(booking, b => Step(b, job, () => b.SesReportRejected(error)), ct)) return;
        await log.WriteAsync(booking, SesActivities.Rejected, $"SES report not accepted: {error}", ct);
    }

    private async Task AgainLaterAsync(Booking booking, PollSesBatch job, string? problem, CancellationToken ct)
    {
        if (problem is not null) await saver.SaveAsync(booking, b => Step(b, job, () => b.NoteSesProblem(problem)), ct);
        var next = job with { Poll = job.Poll + 1 };
        await outbox.EnqueueAsync(PollSesBatch.Kind, next, time.GetUtcNow().UtcDateTime + PollSesBatch.DelayBefore(next.Poll),
            booking.PropertyId, next.DedupKey, ct);
    }

    private static bool Step(Booking booking, PollSesBatch job, Action change)
    {
        if (!IsWaitingFor(booking, job.BatchId)) return false;
        change();
        return true;
    }

    private static string Describe(IReadOnlyList<SesCommunicationError> errors) =>
        string.Join("; ", errors.Select(e => string.Join(" ", new[] { e.ErrorType, e.Message }.Where(s => !string.IsNullOrWhiteSpace(s)))));
}
