using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using MassTransit;

namespace Kasify.Application.Tasks.Cleaning;

/// <summary>
/// Booking events → the booking's one cleaning task (before the commit, in the same unit of work): created for a
/// confirmed booking, moved with its stay, cancelled with it, reopened when it comes back; neighbours re-timed.
/// </summary>
public sealed class CleaningAutomationConsumer(IKasifyDb db, CleaningPlanner planner)
    : IConsumer<BookingCreated>, IConsumer<BookingStayChanged>, IConsumer<BookingCancelled>, IConsumer<BookingConfirmed>
{
    public async Task Consume(ConsumeContext<BookingCreated> context)
    {
        var m = context.Message;
        planner.NoteCreated(m.BookingId);
        await EnsureAsync(m.BookingId, reopen: false, context.CancellationToken);
        await planner.RefreshNeighboursAsync(m.PropertyId, m.From, m.To, m.BookingId, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<BookingStayChanged> context)
    {
        var m = context.Message;
        await EnsureAsync(m.BookingId, reopen: false, context.CancellationToken);
        await planner.RefreshNeighboursAsync(m.PropertyId, m.Old.From, m.Old.To, m.BookingId, context.CancellationToken);
        await planner.RefreshNeighboursAsync(m.PropertyId, m.New.From, m.New.To, m.BookingId, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<BookingCancelled> context)
    {
        var m = context.Message;
        await planner.CancelAsync(m.BookingId, context.CancellationToken);
        await planner.RefreshNeighboursAsync(m.PropertyId, m.From, m.To, m.BookingId, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<BookingConfirmed> context)
    {
        var m = context.Message;
        await EnsureAsync(m.BookingId, reopen: true, context.CancellationToken);
        await planner.RefreshNeighboursAsync(m.PropertyId, m.From, m.To, m.BookingId, context.CancellationToken);
    }

    private async Task EnsureAsync(Guid bookingId, bool reopen, CancellationToken ct)
    {
        var booking = await db.Bookings.FindAsync([bookingId], ct);
        if (booking is not null) await planner.EnsureAsync(booking, reopen, ct);
    }
}
