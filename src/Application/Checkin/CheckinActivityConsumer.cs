using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.Bookings;
using Kasify.Domain.Checkin;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Checkin;

/// <summary>Timeline rows for check-in; summaries carry no guest personal data (staff read the timeline too).</summary>
public sealed class CheckinActivityConsumer(IKasifyDb db, ActivityLog log) : IConsumer<GuestRegistered>, IConsumer<BookingCheckinCompleted>
{
    public const string GuestRegisteredKind = "checkin.guest_registered";
    public const string CompletedKind = "checkin.completed";

    public async Task Consume(ConsumeContext<GuestRegistered> context)
    {
        var m = context.Message;
        await log.WriteAsync(GuestRegisteredKind, "Guest registered through the check-in link", "booking", m.BookingId,
            m.PropertyId, await PropertyNameAsync(m.PropertyId, context.CancellationToken), context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<BookingCheckinCompleted> context)
    {
        var m = context.Message;
        await log.WriteAsync(CompletedKind, "Check-in completed: every guest is registered", "booking", m.BookingId,
            m.PropertyId, await PropertyNameAsync(m.PropertyId, context.CancellationToken), context.CancellationToken);
    }

    private Task<string?> PropertyNameAsync(Guid propertyId, CancellationToken ct) =>
        db.Properties.Where(p => p.Id == propertyId).Select(p => (string?)p.Name).SingleOrDefaultAsync(ct);
}
