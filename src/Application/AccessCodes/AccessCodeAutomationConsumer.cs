using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Domain.Bookings;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Kasify.Application.AccessCodes;

/// <summary>
/// Booking events → access code jobs, for properties with smart locks: provision at check-in − lead time and revoke at
/// check-out + grace (confirmed stays), move the window when the stay changes, revoke at once on cancellation.
/// Jobs re-read the booking, so one left from before a change does nothing; the sweep repairs anything lost.
/// </summary>
public sealed class AccessCodeAutomationConsumer(IKasifyDb db, IOutbox outbox, PropertyLocks locks, IOptions<AccessCodeOptions> options,
    TimeProvider time)
    : IConsumer<BookingCreated>, IConsumer<BookingConfirmed>, IConsumer<BookingStayChanged>, IConsumer<BookingCancelled>
{
    public async Task Consume(ConsumeContext<BookingCreated> context)
    {
        if (context.Message.Status == BookingStatus.Confirmed)
            await ScheduleAsync(context.Message.BookingId, context.Message.PropertyId, reopen: false, context.CancellationToken, bookingIsNew: true);
    }

    public Task Consume(ConsumeContext<BookingConfirmed> context) =>
        ScheduleAsync(context.Message.BookingId, context.Message.PropertyId, reopen: true, context.CancellationToken);

    public async Task Consume(ConsumeContext<BookingStayChanged> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        if (!await locks.AnyAsync(m.PropertyId, ct)) return;
        await outbox.EnqueueAsync(MoveAccessCodes.Kind, new MoveAccessCodes(m.BookingId), propertyId: m.PropertyId,
            dedupKey: $"{MoveAccessCodes.Kind}:{m.BookingId}", ct: ct);
        await ScheduleAsync(m.BookingId, m.PropertyId, reopen: false, ct);
    }

    public async Task Consume(ConsumeContext<BookingCancelled> context)
    {
        var m = context.Message;
        await outbox.EnqueueAsync(RevokeAccessCodes.Kind, new RevokeAccessCodes(m.BookingId), propertyId: m.PropertyId,
            dedupKey: $"{RevokeAccessCodes.Kind}:{m.BookingId}:now", ct: context.CancellationToken);
    }

    private async Task ScheduleAsync(Guid bookingId, Guid propertyId, bool reopen, CancellationToken ct, bool bookingIsNew = false)
    {
        if (!await locks.AnyAsync(propertyId, ct)) return;
        var booking = await db.Bookings.FindAsync([bookingId], ct);
        var timeZone = (await db.Properties.FindAsync([propertyId], ct))?.TimeZone;
        if (booking is null || timeZone is null || booking.Status != BookingStatus.Confirmed) return;

        var schedule = AccessCodeSchedule.For(booking.Stay, timeZone, options.Value);
        var now = time.GetUtcNow().UtcDateTime;
        if (schedule.RevokeAt <= now) return;
        var provisionAt = schedule.ProvisionAt > now ? schedule.ProvisionAt : now;
        await outbox.EnqueueAsync(ProvisionAccessCodes.Kind, new ProvisionAccessCodes(bookingId, reopen), provisionAt, propertyId,
            $"{ProvisionAccessCodes.Kind}:{bookingId}:{provisionAt:O}:{(reopen ? "reopen" : "new")}", ct, keyIsNew: bookingIsNew);
        await outbox.EnqueueAsync(RevokeAccessCodes.Kind, new RevokeAccessCodes(bookingId), schedule.RevokeAt, propertyId,
            $"{RevokeAccessCodes.Kind}:{bookingId}:{schedule.RevokeAt:O}", ct, keyIsNew: bookingIsNew);
    }
}
