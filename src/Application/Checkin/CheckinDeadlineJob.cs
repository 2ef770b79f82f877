using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Application.Ses;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Checkin;

/// <summary>
/// The <c>checkin.deadline</c> job: a confirmed stay on a property that reports to SES, whose arrival passed more
/// than 24 h ago with the check-in still incomplete, gets one <c>ses.deadline_missed</c> activity — once per booking.
/// </summary>
public sealed class CheckinDeadlineJob(IKasifyDb db, SesReportLog report, TimeProvider time) : IOutboxJobHandler<CheckinDeadline>
{
    public string Kind => CheckinDeadline.Kind;

    public async Task HandleAsync(CheckinDeadline job, CancellationToken ct)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == job.BookingId, ct);
        if (booking is not { IsConfirmed: true, CheckinCompletedAt: null }) return;
        var property = await db.Properties.AsNoTracking().SingleAsync(p => p.Id == booking.PropertyId, ct);
        if (property.SesEstablishmentCode is null) return;

        var deadline = CheckinState.ArrivalUtc(booking, property) + CheckinDeadline.AfterArrival;
        if (time.GetUtcNow().UtcDateTime < deadline) return; // the stay moved later: its own deadline job is queued
        if (await db.Activities.AnyAsync(a => a.Kind == SesActivities.DeadlineMissed && a.SubjectId == booking.Id, ct)) return;

        await report.WriteAsync(booking, SesActivities.DeadlineMissed,
            $"Check-in incomplete 24 h after arrival: the parte de viajeros for {booking.From:yyyy-MM-dd} is late", ct);
    }
}
