using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Application.Common;

/// <summary>The same way in outside HTTP (the simulation): admit the scope's caller, then hand out the handler.</summary>
public static class UseCaseEntry
{
    public static async Task<THandler> AdmitToAsync<THandler>(this IServiceProvider services, Guid? propertyId, CancellationToken ct)
        where THandler : notnull
    {
        var scope = typeof(THandler).GetCustomAttribute<UseCaseScopeAttribute>()
                    ?? throw new InvalidOperationException($"{typeof(THandler).Name} declares no use-case scope.");
        await services.GetRequiredService<UseCasePipeline>().AdmitAsync(scope, propertyId, ct);
        return services.GetRequiredService<THandler>();
    }
}
