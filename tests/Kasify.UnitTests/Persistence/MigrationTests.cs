using Kasify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kasify.UnitTests.Persistence;

/// <summary>
/// Both providers' migration sets match the model. SQL Server cannot run here, so its model and script are
/// verified offline: no pending model changes, and the idempotent script generates.
/// </summary>
public sealed class MigrationTests
{
    private static SqlServerKasifyDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerKasifyDbContext>()
            .UseSqlServer("Server=offline;Database=Kasify;Trusted_Connection=True;TrustServerCertificate=True").Options);

    private static SqliteKasifyDbContext Sqlite(string path = ":memory:") =>
        new(new DbContextOptionsBuilder<SqliteKasifyDbContext>().UseSqlite($"Data Source={path}").Options);

    [Test]
    public void The_SQL_Server_model_has_no_pending_changes()
    {
        using var db = SqlServer();

        db.Database.HasPendingModelChanges().Should().BeFalse("run build/add-migration.sh after changing the model");
    }

    [Test]
    public void The_SQLite_model_has_no_pending_changes()
    {
        using var db = Sqlite();

        db.Database.HasPendingModelChanges().Should().BeFalse("run build/add-migration.sh after changing the model");
    }

    [Test]
    public void The_SQL_Server_migration_script_generates_for_every_migration()
    {
        using var db = SqlServer();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        db.Database.GetMigrations().Should().NotBeEmpty();
        script.Should().Contain("CREATE TABLE [Properties]").And.Contain("CREATE TABLE [OutboxMessages]").And.Contain("uniqueidentifier");
        foreach (var migration in db.Database.GetMigrations()) script.Should().Contain(migration);
    }

    [Test]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlServer = SqlServer();
        using var sqlite = Sqlite();

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);

        Names(sqlServer).Should().Equal(Names(sqlite));
    }

    [Test]
    public async Task The_SQLite_migrations_apply_to_an_empty_database()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kasify-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = Sqlite(path))
            {
                await db.Database.MigrateAsync();
                (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
                (await db.Properties.CountAsync()).Should().Be(0);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Test]
    public void The_SQLite_migration_script_generates()
    {
        using var db = Sqlite();

        db.GetService<IMigrator>().GenerateScript().Should().Contain("CREATE TABLE \"Properties\"");
    }
}
