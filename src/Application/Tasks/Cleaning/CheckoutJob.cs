using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Application.Timeline;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Tasks.Cleaning;

/// <summary>
/// The <c>cleaning.checkout</c> job, due at a booking's check-out: guarantees the cleaning task exists and records
/// <c>task.due</c> once. Re-reads everything; a job for a check-out that has moved later does nothing (the later job will).
/// </summary>
public sealed class CheckoutJob(IKasifyDb db, CleaningPlanner planner, ActivityLog log, TimeProvider time) : IOutboxJobHandler<CheckoutJob.Payload>
{
    public const string Kind = "cleaning.checkout";

    public sealed record Payload(Guid BookingId);

    string IOutboxJob.Kind => Kind;

    public async Task HandleAsync(Payload request, CancellationToken ct)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == request.BookingId, ct);
        if (booking is null || !booking.IsConfirmed) return;
        var property = await db.Properties.SingleAsync(p => p.Id == booking.PropertyId, ct);
        if (time.GetUtcNow().UtcDateTime < CleaningPlanner.CheckoutUtc(booking, property)) return;
        await CloseOutAsync(planner, log, time, booking, property, ct);
    }

    /// <summary>Shared with the sweep: the task exists, and <c>task.due</c> is written once.</summary>
    internal static async Task CloseOutAsync(CleaningPlanner planner, ActivityLog log, TimeProvider time,
        Domain.Bookings.Booking booking, Domain.Properties.Property property, CancellationToken ct)
    {
        var task = await planner.EnsureAsync(booking, reopen: false, ct);
        if (task is null || !task.IsOpen || !task.RecordDue(time.GetUtcNow().UtcDateTime)) return;
        await log.WriteAsync("task.due", $"Cleaning due after check-out of {booking.To:yyyy-MM-dd}", "task", task.Id,
            property.Id, property.Name, ct);
    }
}
