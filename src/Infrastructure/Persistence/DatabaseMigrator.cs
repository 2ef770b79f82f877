using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Infrastructure.Persistence;

public static class DatabaseMigrator
{
    /// <summary>Applies the provider's migrations at start-up (never EnsureCreated).</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KasifyDbContext>().Database.MigrateAsync(ct);
    }
}
