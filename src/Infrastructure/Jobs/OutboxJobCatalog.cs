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

    private readonly Lazy<IReadOnlyDictionary<string, Type>> _types = new(() =>
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetServices<IOutboxJobHandler>().ToDictionary(h => h.Kind, h => h.GetType());
    });

    public IOutboxJobHandler? Create(string kind, IServiceProvider scope) =>
        _types.Value.TryGetValue(kind, out var type) ? (IOutboxJobHandler)ActivatorUtilities.CreateInstance(scope, type) : null;

    /// <summary>The Hangfire queue a job of this kind runs on.</summary>
    public static string QueueOf(string kind) =>
        Queues.FirstOrDefault(q => kind.StartsWith(q.Prefix, StringComparison.Ordinal)).Queue ?? JobQueues.Default;

    /// <summary>Every registered kind with its queue (for the docs, the dashboard and the simulation).</summary>
    public IReadOnlyDictionary<string, string> QueuesByKind =>
        _types.Value.Keys.OrderBy(k => k, StringComparer.Ordinal).ToDictionary(k => k, QueueOf);
}
