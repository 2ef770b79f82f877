using Kasify.Application.Common;
using Kasify.Application.Integrations;
using Kasify.Application.Jobs;
using Kasify.Domain.Bookings;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Ses;

/// <summary>A completed check-in on a property with an SES establishment code, whose account has an active SES integration, is queued for SES.</summary>
public sealed class QueueTravellerReportConsumer(IKasifyDb db, SesIntegrationReader integrations, IOutbox outbox) : IConsumer<BookingCheckinCompleted>
{
    public async Task Consume(ConsumeContext<BookingCheckinCompleted> context)
    {
        var ct = context.CancellationToken;
        var m = context.Message;
        var property = await db.Properties.Where(p => p.Id == m.PropertyId)
            .Select(p => new { p.AccountId, p.SesEstablishmentCode }).SingleOrDefaultAsync(ct);
        if (property?.SesEstablishmentCode is null || !await integrations.HasActiveAsync(property.AccountId, ct)) return;

        var booking = db.Bookings.Local.FirstOrDefault(b => b.Id == m.BookingId) ?? await db.Bookings.SingleAsync(b => b.Id == m.BookingId, ct);
        if (!booking.QueueSesReport()) return;
        var job = new SubmitTravellerReport(m.BookingId);
        await outbox.EnqueueAsync(SubmitTravellerReport.Kind, job, propertyId: m.PropertyId, dedupKey: job.DedupKey, ct: ct);
    }
}
