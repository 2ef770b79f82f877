using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Ses;

/// <summary>
/// POST /bookings/{id}/ses/resend (owner, manager; archived properties included): the person's confirmation that the
/// parte may go again. Rejected or uncertain → queued now; accepted → its lote is cancelled first (anulación); one still
/// pending, being sent or awaiting SES's verdict → 409, since sending it now could make a second parte.
/// </summary>
[ResourceScope("booking")]
public sealed class ResendSesReportHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, SesReportLog log, IOutbox outbox, TimeProvider time)
{
    public async Task<SesReportView> HandleAsync(Guid bookingId, CancellationToken ct)
    {
        var user = caller.User;
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, ct) ?? throw new NotFoundException("Booking");
        await access.RequireOnBookingAsync(user, booking.PropertyId, PropertyAccess.OwnerOrManager, includeArchived: true, ct);
        var property = await db.Properties.AsNoTracking().SingleAsync(p => p.Id == booking.PropertyId, ct);
        if (property.SesEstablishmentCode is null) throw new ConflictException("This property has no SES establishment code: nothing is reported.");
        if (!booking.IsConfirmed || booking.CheckinCompletedAt is null)
            throw new ConflictException("Only a confirmed stay whose guests are all registered can be reported.");

        switch (booking.Ses.State)
        {
            case SesReportState.Accepted when booking.Ses.BatchId is { } batchId:
                var cancel = new CancelAndResendTravellerReport(booking.Id, batchId);
                await outbox.EnqueueAsync(CancelAndResendTravellerReport.Kind, cancel, propertyId: booking.PropertyId, dedupKey: cancel.DedupKey, ct: ct);
                await log.WriteAsync(booking, SesActivities.ResendRequested, $"Resend asked for: lote {batchId} will be cancelled (anulación) and the parte sent again", ct);
                break;
            case SesReportState.None or SesReportState.Rejected or SesReportState.Uncertain:
                var was = booking.Ses.State;
                booking.QueueSesReport();
                var submit = new SubmitTravellerReport(booking.Id);
                await outbox.EnqueueAsync(SubmitTravellerReport.Kind, submit, propertyId: booking.PropertyId, dedupKey: submit.DedupKey, ct: ct);
                await log.WriteAsync(booking, SesActivities.ResendRequested,
                    was == SesReportState.Uncertain ? "Resend confirmed for a parte whose delivery was uncertain" : "Resend asked for the parte de viajeros", ct);
                break;
            default:
                throw new ConflictException($"The SES report is {booking.Ses.State.ToString().ToLowerInvariant()}: wait for SES's answer before resending.");
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConflictException("The booking changed meanwhile; try again.", e);
        }
        return SesReportView.Of(booking, property, time.GetUtcNow().UtcDateTime);
    }
}
