using Kasify.Application.Jobs;
using Kasify.Domain.Properties;
using MassTransit;

namespace Kasify.Application.Calendars;

/// <summary>A new or changed feed URL is synced at once, through the outbox.</summary>
public sealed class QueueCalendarSyncConsumer(IOutbox outbox) : IConsumer<PropertyCalendarChanged>
{
    public async Task Consume(ConsumeContext<PropertyCalendarChanged> context)
    {
        var message = context.Message;
        if (message.Url is null) return;
        var request = new CalendarSyncRequest(message.PropertyId, message.Channel);
        await outbox.EnqueueAsync(CalendarSyncRequest.Kind, request, propertyId: message.PropertyId,
            dedupKey: request.DedupKey, ct: context.CancellationToken);
    }
}
