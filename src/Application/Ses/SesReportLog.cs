using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Ses;

/// <summary>Records an SES outcome on the booking (ses_last_attempt_at, ses_last_error) and on the timeline.</summary>
public sealed class SesReportLog(IKasifyDb db, ActivityLog log, TimeProvider time)
{
    public Task FailedAsync(Booking booking, string kind, string error, CancellationToken ct)
    {
        booking.RecordSesAttempt(Now, null, error.Length > 1000 ? error[..1000] : error);
        return WriteAsync(booking, kind, $"SES report not accepted: {error}", ct);
    }

    public Task SentAsync(Booking booking, string batchId, CancellationToken ct)
    {
        booking.RecordSesAttempt(Now, batchId, null);
        return WriteAsync(booking, SesActivities.Sent, $"Parte de viajeros sent to SES.HOSPEDAJES (lote {batchId})", ct);
    }

    public Task SubmittedAsync(Booking booking, CancellationToken ct)
    {
        booking.RecordSesAttempt(Now, null, null);
        booking.RecordSesSubmitted(Now);
        return WriteAsync(booking, SesActivities.Submitted, $"SES.HOSPEDAJES processed the parte de viajeros (lote {booking.SesBatchId})", ct);
    }

    public async Task WriteAsync(Booking booking, string kind, string summary, CancellationToken ct)
    {
        var propertyName = await db.Properties.Where(p => p.Id == booking.PropertyId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        await log.WriteAsync(kind, summary.Length > 500 ? summary[..500] : summary, "booking", booking.Id, booking.PropertyId, propertyName, ct);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
