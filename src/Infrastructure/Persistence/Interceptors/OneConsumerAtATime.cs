using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Infrastructure.Persistence.Interceptors;

/// <summary>
/// The mediator hands an event to all its consumers at once, and they share the scope's DbContext, which allows one
/// operation at a time. On SQLite every query completes synchronously, so the consumers happened to run one after
/// another; on a server database (PostgreSQL, SQL Server) they overlap and EF refuses the second query. Consumers of
/// the same scope therefore take turns.
/// </summary>
internal sealed class ConsumerTurn : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> TakeAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}

internal sealed class OneConsumerAtATimeFilter<TConsumer, TMessage> : IFilter<ConsumerConsumeContext<TConsumer, TMessage>>
    where TConsumer : class where TMessage : class
{
    public async Task Send(ConsumerConsumeContext<TConsumer, TMessage> context, IPipe<ConsumerConsumeContext<TConsumer, TMessage>> next)
    {
        var services = context.TryGetPayload<IServiceProvider>(out var provider) ? provider
            : context.TryGetPayload<IServiceScope>(out var scope) ? scope.ServiceProvider
            : throw new InvalidOperationException("A mediator consumer ran without a service scope.");
        using (await services.GetRequiredService<ConsumerTurn>().TakeAsync(context.CancellationToken))
            await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("oneConsumerAtATime");
}

internal sealed class OneConsumerAtATimeObserver : IConsumerConfigurationObserver
{
    public void ConsumerConfigured<TConsumer>(IConsumerConfigurator<TConsumer> configurator) where TConsumer : class
    {
    }

    public void ConsumerMessageConfigured<TConsumer, TMessage>(IConsumerMessageConfigurator<TConsumer, TMessage> configurator)
        where TConsumer : class where TMessage : class =>
        configurator.UseFilter(new OneConsumerAtATimeFilter<TConsumer, TMessage>());
}
