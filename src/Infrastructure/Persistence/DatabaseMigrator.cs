using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Infrastructure.Persistence;

public static class DatabaseMigrator
{
    /// <summary>Key of the PostgreSQL advisory lock held while migrating (any constant no other code uses).</summary>
    private const long PostgreSqlMigrationLock = 0x4B61_7369_6679_4D67; // "KasifyMg"

    /// <summary>
    /// Applies the provider's migrations at start-up (never EnsureCreated). Instances starting together on a server
    /// database apply each migration once: SQL Server's EF Core migration lock covers it; on PostgreSQL two instances
    /// migrating an empty database were seen applying the same migration (42701 "column already exists"), so the
    /// whole run holds a session advisory lock, and the instance that waited finds nothing pending. On SQLite this
    /// first takes the single-instance lock (<see cref="SqliteInstanceLock"/>).
    /// An up-to-date database (the usual restart) skips <c>Migrate</c>: it compares the model with the migrations'
    /// snapshot and takes the migration lock even when nothing is pending, about a third of start-up (issue 14).
    /// MigrationTests keep the model and the snapshot in step instead.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var database = services.GetRequiredService<DatabaseOptions>();
        if (database.Provider == DatabaseProvider.Sqlite && database.SqliteSingleInstance)
            services.GetRequiredService<SqliteInstanceLock>().Acquire(database.SqliteConnectionString);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasifyDbContext>().Database;
        if (!(await db.GetPendingMigrationsAsync(ct)).Any()) return;
        if (database.Provider != DatabaseProvider.PostgreSql)
        {
            await db.MigrateAsync(ct);
            return;
        }

        await db.OpenConnectionAsync(ct); // the advisory lock belongs to this session: it stays open until the end
        try
        {
            await db.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({PostgreSqlMigrationLock})", ct);
            await db.MigrateAsync(ct);
            await db.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({PostgreSqlMigrationLock})", ct);
        }
        finally
        {
            await db.CloseConnectionAsync(); // ends the session, which also releases the lock after a failure
        }
    }
}
