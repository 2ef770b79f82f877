using System.Security.Cryptography;
using System.Text.Json;
using Kasify.Application.Common;
using Kasify.Application.Integrations;
using Kasify.Application.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Ses;

/// <summary>
/// The <c>ses.poll_batch</c> job: asks SES how a lote went until it is processed (ses_submitted_at) or rejected
/// (ses_last_error). Still processing → the next poll is queued; transient failures are retried by the outbox.
/// </summary>
public sealed class PollSesBatchJob(IKasifyDb db, ISesClient ses, SesIntegrationReader integrations, SesReportLog report,
    IOutbox outbox, TimeProvider time) : IOutboxJobHandler
{
    public string Kind => PollSesBatch.Kind;

    public async Task HandleAsync(string payload, CancellationToken ct)
    {
        var job = JsonSerializer.Deserialize<PollSesBatch>(payload) ?? throw new PermanentJobFailureException("Empty payload.");
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == job.BookingId, ct);
        if (booking is null || booking.SesBatchId != job.BatchId || booking.SesSubmittedAt is not null) return;

        var accountId = await db.Properties.Where(p => p.Id == booking.PropertyId).Select(p => p.AccountId).SingleAsync(ct);
        var integration = await integrations.FindActiveAsync(accountId, ct);
        if (integration is null)
        {
            await report.FailedAsync(booking, SesActivities.Failed, $"Lote {job.BatchId} cannot be checked: the account has no active SES integration.", ct);
            return;
        }

        SesBatchStatus status;
        try
        {
            status = await ses.GetBatchStatusAsync(integrations.Credentials(integration), job.BatchId, ct);
        }
        catch (CryptographicException)
        {
            await report.FailedAsync(booking, SesActivities.Failed, "The SES credentials could not be decrypted.", ct);
            return;
        }
        catch (SesException e) when (e.Kind != SesErrorKind.Transient)
        {
            if (e.Kind == SesErrorKind.Unauthorized) integration.MarkFailing(time.GetUtcNow().UtcDateTime, "SES refused the web-service user and password.");
            await report.FailedAsync(booking, SesActivities.Failed, e.Message, ct);
            return;
        }

        switch (status)
        {
            case SesBatchStatus.Processing when job.Poll + 1 >= PollSesBatch.MaxPolls:
                await report.FailedAsync(booking, SesActivities.Failed, $"Lote {job.BatchId} was still being processed after {PollSesBatch.MaxPolls} checks.", ct);
                break;
            case SesBatchStatus.Processing:
                var next = job with { Poll = job.Poll + 1 };
                await outbox.EnqueueAsync(PollSesBatch.Kind, next, time.GetUtcNow().UtcDateTime + PollSesBatch.DelayBefore(next.Poll), booking.PropertyId, ct: ct);
                break;
            case SesBatchStatus.Processed:
            case SesBatchStatus.ProcessedWithErrors { Errors.Count: 0 }:
                await report.SubmittedAsync(booking, ct);
                break;
            case SesBatchStatus.ProcessedWithErrors withErrors:
                await report.FailedAsync(booking, SesActivities.Rejected, $"Lote {job.BatchId} processed with errors: {Describe(withErrors.Errors)}", ct);
                break;
            case SesBatchStatus.Rejected rejected:
                await report.FailedAsync(booking, SesActivities.Rejected,
                    $"Lote {job.BatchId} rejected: {rejected.StateDescription} {Describe(rejected.Errors)}".TrimEnd(), ct);
                break;
        }
    }

    private static string Describe(IReadOnlyList<SesCommunicationError> errors) =>
        string.Join("; ", errors.Select(e => string.Join(" ", new[] { e.ErrorType, e.Message }.Where(s => !string.IsNullOrWhiteSpace(s)))));
}
