using Kasify.Application.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Infrastructure.Jobs;

/// <summary>
/// Maps each outbox kind to its handler type, learned once, so a job builds only its own handler
/// (with the job's scope: same DbContext) instead of every registered one; and each kind to its Hangfire queue.
/// </summary>
public sealed class OutboxJobCatalog(IServiceScopeFactory scopes)
{
    /// <summary>Kind prefixes of time-critical work; everything under <c>calendar.</c> is a feed fetch.</summary>
    private static readonly (string Prefix, string Queue)[] Queues =
    [
        ("access_code.", JobQueues.Critical),
        ("ses.", JobQueues.Critical),
        ("checkin.", JobQueues.Critical),
        ("cleaning.checkout", JobQueues.Critical),
        ("calendar.", JobQueues.Calendars),
    ];

    /// <summary>Kind → handler class and, for an <see cref="IOutboxJobHandler{TPayload}"/>, the payload type it is read into.</summary>
    private readonly Lazy<IReadOnlyDictionary<string, (Type Handler, Type? Payload)>> _types = new(() =>
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        return services.GetServices<IOutboxJob>().Select(h => (h.Kind, Type: h.GetType()))
            .Concat(services.GetServices<IOutboxJobHandler>().Select(h => (h.Kind, Type: h.GetType())))
            .ToDictionary(h => h.Kind, h => (h.Type, TypedOutboxJob.PayloadTypeOf(h.Type)));
    });

    /// <summary>The handler of a kind, built in the job's scope; a typed one comes wrapped so the payload is read once, here.</summary>
    public IOutboxJobHandler? Create(string kind, IServiceProvider scope)
    {
        if (!_types.Value.TryGetValue(kind, out var type)) return null;
        var handler = ActivatorUtilities.CreateInstance(scope, type.Handler);
        return type.Payload is null ? (IOutboxJobHandler)handler : TypedOutboxJob.Wrap(handler, type.Payload);
    }

    /// <summary>The Hangfire queue a job of this kind runs on.</summary>
    public static string QueueOf(string kind) =>
        Queues.FirstOrDefault(q => kind.StartsWith(q.Prefix, StringComparison.Ordinal)).Queue ?? JobQueues.Default;

    /// <summary>Every registered kind with its queue (for the docs, the dashboard and the simulation).</summary>
    public IReadOnlyDictionary<string, string> QueuesByKind =>
        _types.Value.Keys.OrderBy(k => k, StringComparer.Ordinal).ToDictionary(k => k, QueueOf);
}
