using Kasify.Application.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Infrastructure.Jobs;

/// <summary>
/// Maps each outbox kind to its handler type, learned once, so a job builds only its own handler
/// (with the job's scope: same DbContext) instead of every registered one.
/// </summary>
public sealed class OutboxJobCatalog(IServiceScopeFactory scopes)
{
    private readonly Lazy<IReadOnlyDictionary<string, Type>> _types = new(() =>
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetServices<IOutboxJobHandler>().ToDictionary(h => h.Kind, h => h.GetType());
    });

    public IOutboxJobHandler? Create(string kind, IServiceProvider scope) =>
        _types.Value.TryGetValue(kind, out var type) ? (IOutboxJobHandler)ActivatorUtilities.CreateInstance(scope, type) : null;
}
