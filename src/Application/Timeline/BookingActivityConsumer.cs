using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;
using MassTransit;

namespace Kasify.Application.Timeline;

/// <summary>Booking activities. Summaries carry dates and channels only, never guest data (staff read them too).</summary>
public sealed class BookingActivityConsumer(IKasifyDb db, ActivityLog log)
    : IConsumer<BookingCreated>, IConsumer<BookingStayChanged>, IConsumer<BookingDetailsChanged>, IConsumer<BookingCancelled>,
        IConsumer<BookingConfirmed>
{
    public Task Consume(ConsumeContext<BookingCreated> c) =>
        WriteAsync(c.Message.Imported ? "booking.imported" : "booking.created",
            $"{Describe(c.Message.Status)} {c.Message.From:yyyy-MM-dd} → {c.Message.To:yyyy-MM-dd} ({c.Message.Channel.LowerName()}) {(c.Message.Imported ? "imported" : "created")}",
            c.Message.BookingId, c.Message.PropertyId, c.CancellationToken);

    public Task Consume(ConsumeContext<BookingStayChanged> c) =>
        WriteAsync("booking.updated",
            $"Booking moved from {c.Message.Old.From:yyyy-MM-dd} → {c.Message.Old.To:yyyy-MM-dd} to {c.Message.New.From:yyyy-MM-dd} → {c.Message.New.To:yyyy-MM-dd}",
            c.Message.BookingId, c.Message.PropertyId, c.CancellationToken);

    public Task Consume(ConsumeContext<BookingDetailsChanged> c) =>
        WriteAsync("booking.updated", "Booking details updated", c.Message.BookingId, c.Message.PropertyId, c.CancellationToken);

    public Task Consume(ConsumeContext<BookingCancelled> c) =>
        WriteAsync("booking.cancelled", $"Booking {c.Message.From:yyyy-MM-dd} → {c.Message.To:yyyy-MM-dd} cancelled",
            c.Message.BookingId, c.Message.PropertyId, c.CancellationToken);

    public Task Consume(ConsumeContext<BookingConfirmed> c) =>
        WriteAsync("booking.updated", $"Booking {c.Message.From:yyyy-MM-dd} → {c.Message.To:yyyy-MM-dd} confirmed",
            c.Message.BookingId, c.Message.PropertyId, c.CancellationToken);

    private static string Describe(BookingStatus status) => status == BookingStatus.Blocked ? "Block" : "Booking";

    private async Task WriteAsync(string kind, string summary, Guid bookingId, Guid propertyId, CancellationToken ct)
    {
        // By key: the unit of work that raised the event tracks the property already (a lookup, not a scan of the tracker).
        var property = await db.Properties.FindAsync([propertyId], ct);
        await log.WriteAsync(kind, summary, "booking", bookingId, propertyId, property?.Name, ct);
    }
}
