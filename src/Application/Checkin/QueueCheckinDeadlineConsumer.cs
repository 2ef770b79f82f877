using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Domain.Bookings;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Checkin;

/// <summary>Every confirmed stay gets a deadline check 24 h after its arrival; a moved stay gets one for its new arrival.</summary>
public sealed class QueueCheckinDeadlineConsumer(IKasifyDb db, IOutbox outbox)
    : IConsumer<BookingCreated>, IConsumer<BookingStayChanged>, IConsumer<BookingConfirmed>
{
    public Task Consume(ConsumeContext<BookingCreated> context) => QueueAsync(context.Message.BookingId, context.CancellationToken);

    public Task Consume(ConsumeContext<BookingStayChanged> context) => QueueAsync(context.Message.BookingId, context.CancellationToken);

    public Task Consume(ConsumeContext<BookingConfirmed> context) => QueueAsync(context.Message.BookingId, context.CancellationToken);

    private async Task QueueAsync(Guid bookingId, CancellationToken ct)
    {
        var booking = db.Bookings.Local.SingleOrDefault(b => b.Id == bookingId) ?? await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is not { IsConfirmed: true }) return;
        var property = await db.Properties.AsNoTracking().SingleOrDefaultAsync(p => p.Id == booking.PropertyId, ct);
        if (property is null) return;
        var dueAt = CheckinState.ArrivalUtc(booking, property) + CheckinDeadline.AfterArrival;
        var job = new CheckinDeadline(bookingId);
        await outbox.EnqueueAsync(CheckinDeadline.Kind, job, dueAt, booking.PropertyId, job.DedupKey(dueAt), ct);
    }
}
