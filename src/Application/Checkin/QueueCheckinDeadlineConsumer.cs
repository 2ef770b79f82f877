using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Domain.Bookings;
using MassTransit;

namespace Kasify.Application.Checkin;

/// <summary>Every confirmed stay gets a deadline check 24 h after its arrival; a moved stay gets one for its new arrival.</summary>
public sealed class QueueCheckinDeadlineConsumer(IKasifyDb db, IOutbox outbox)
    : IConsumer<BookingCreated>, IConsumer<BookingStayChanged>, IConsumer<BookingConfirmed>
{
    public Task Consume(ConsumeContext<BookingCreated> context) =>
        QueueAsync(context.Message.BookingId, bookingIsNew: true, context.CancellationToken);

    public Task Consume(ConsumeContext<BookingStayChanged> context) =>
        QueueAsync(context.Message.BookingId, bookingIsNew: false, context.CancellationToken);

    public Task Consume(ConsumeContext<BookingConfirmed> context) =>
        QueueAsync(context.Message.BookingId, bookingIsNew: false, context.CancellationToken);

    /// <summary>
    /// Both lookups are by key, so a booking and property this unit of work tracks (an import's) cost no query; a new
    /// booking's job key cannot be stored yet (issue 14).
    /// </summary>
    private async Task QueueAsync(Guid bookingId, bool bookingIsNew, CancellationToken ct)
    {
        var booking = await db.Bookings.FindAsync([bookingId], ct);
        if (booking is not { IsConfirmed: true }) return;
        var property = await db.Properties.FindAsync([booking.PropertyId], ct);
        if (property is null) return;
        var dueAt = CheckinState.ArrivalUtc(booking, property) + CheckinDeadline.AfterArrival;
        var job = new CheckinDeadline(bookingId);
        await outbox.EnqueueAsync(CheckinDeadline.Kind, job, dueAt, booking.PropertyId, job.DedupKey(dueAt), ct, keyIsNew: bookingIsNew);
    }
}
