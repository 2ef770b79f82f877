using System.Security.Cryptography;
using System.Text.Json;
using Kasify.Application.Common;
using Kasify.Application.Integrations;
using Kasify.Application.Jobs;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Ses;

/// <summary>
/// The <c>ses.submit_report</c> job. Sends a booking's parte de viajeros at most once: a booking that already has a
/// lote (or was processed) is never sent again. Transient SES failures are recorded and rethrown, so the outbox
/// retries with back-off; everything else is recorded on the booking and the timeline and not retried.
/// </summary>
public sealed class SubmitTravellerReportJob(IKasifyDb db, ISesClient ses, SesIntegrationReader integrations,
    TravellerReportBuilder builder, SesReportLog report, IOutbox outbox, TimeProvider time) : IOutboxJobHandler
{
    public string Kind => SubmitTravellerReport.Kind;

    public async Task HandleAsync(string payload, CancellationToken ct)
    {
        var job = JsonSerializer.Deserialize<SubmitTravellerReport>(payload) ?? throw new PermanentJobFailureException("Empty payload.");
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == job.BookingId, ct);
        if (booking is null || booking.Status == BookingStatus.Cancelled || booking.CheckinCompletedAt is null) return;
        if (booking.SesBatchId is not null || booking.SesSubmittedAt is not null) return; // never twice for the same guests

        var property = await db.Properties.AsNoTracking().SingleAsync(p => p.Id == booking.PropertyId, ct);
        var integration = await integrations.FindActiveAsync(property.AccountId, ct);
        if (integration is null)
        {
            await report.FailedAsync(booking, SesActivities.Failed, "The account has no active SES integration.", ct);
            return;
        }

        var guests = await db.Guests.AsNoTracking().Where(g => g.BookingId == booking.Id)
            .OrderBy(g => g.RegisteredAt).ThenBy(g => g.Id).ToListAsync(ct);
        SesTravellerReport travellers;
        SesCredentials credentials;
        try
        {
            travellers = builder.Build(booking, property, guests);
            credentials = integrations.Credentials(integration);
        }
        catch (Exception e) when (e is TravellerReportIncompleteException or CryptographicException)
        {
            await report.FailedAsync(booking, SesActivities.Failed, e is CryptographicException ? "The stored data could not be decrypted." : e.Message, ct);
            return;
        }

        SesSubmitResult result;
        try
        {
            result = await ses.SubmitTravellerReportAsync(credentials, travellers, ct);
        }
        catch (SesException e) when (e.Kind == SesErrorKind.Transient)
        {
            booking.RecordSesAttempt(time.GetUtcNow().UtcDateTime, null, e.Message);
            await db.SaveChangesAsync(ct); // keep the attempt on the booking; the outbox retries later
            throw;
        }
        catch (SesException e)
        {
            if (e.Kind == SesErrorKind.Unauthorized) integration.MarkFailing(time.GetUtcNow().UtcDateTime, "SES refused the web-service user and password.");
            await report.FailedAsync(booking, SesActivities.Failed, e.Message, ct);
            return;
        }

        switch (result)
        {
            case SesSubmitResult.Accepted accepted:
                await report.SentAsync(booking, accepted.BatchId, ct);
                var poll = new PollSesBatch(booking.Id, accepted.BatchId, 0);
                await outbox.EnqueueAsync(PollSesBatch.Kind, poll, time.GetUtcNow().UtcDateTime + PollSesBatch.DelayBefore(0), booking.PropertyId, ct: ct);
                break;
            case SesSubmitResult.Rejected rejected:
                await report.FailedAsync(booking, SesActivities.Rejected, $"SES rejected the report ({rejected.Code}): {rejected.Description}", ct);
                break;
        }
    }
}
