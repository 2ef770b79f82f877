using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Infrastructure.Persistence;

public static class DatabaseMigrator
{
    /// <summary>
    /// Applies the provider's migrations at start-up (never EnsureCreated). EF Core holds a database-wide lock while
    /// migrating, so instances starting together on a server database apply each migration once. On SQLite this
    /// first takes the single-instance lock (<see cref="SqliteInstanceLock"/>).
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var database = services.GetRequiredService<DatabaseOptions>();
        if (database.Provider == DatabaseProvider.Sqlite && database.SqliteSingleInstance)
            services.GetRequiredService<SqliteInstanceLock>().Acquire(database.SqliteConnectionString);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KasifyDbContext>().Database.MigrateAsync(ct);
    }
}
