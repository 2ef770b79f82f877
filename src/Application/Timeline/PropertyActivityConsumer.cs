using Kasify.Domain.Properties;
using MassTransit;

namespace Kasify.Application.Timeline;

public sealed class PropertyActivityConsumer(ActivityLog log) : IConsumer<PropertyCreated>, IConsumer<PropertyUpdated>
{
    public Task Consume(ConsumeContext<PropertyCreated> context) =>
        log.WriteAsync("property.created", $"Property {context.Message.Name} created", "property",
            context.Message.PropertyId, context.Message.PropertyId, context.Message.Name, context.CancellationToken);

    public Task Consume(ConsumeContext<PropertyUpdated> context) =>
        log.WriteAsync("property.updated", $"Property {context.Message.Name} updated", "property",
            context.Message.PropertyId, context.Message.PropertyId, context.Message.Name, context.CancellationToken);
}
