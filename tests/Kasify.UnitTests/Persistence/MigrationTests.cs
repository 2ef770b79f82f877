using Kasify.Infrastructure.Persistence;
using Kasify.Infrastructure.Persistence.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kasify.UnitTests.Persistence;

/// <summary>
/// Every provider's migration set matches the model. SQL Server cannot run here, so its model and script are
/// verified offline: no pending model changes, and the idempotent script generates. PostgreSQL gets the same offline
/// checks (the functional tests also run against a real PostgreSQL server in build/test.sh).
/// </summary>
public sealed class MigrationTests
{
    private static SqlServerKasifyDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerKasifyDbContext>()
            .UseSqlServer("Server=offline;Database=Kasify;Trusted_Connection=True;TrustServerCertificate=True").Options);

    private static PostgreSqlKasifyDbContext PostgreSql() =>
        new(new DbContextOptionsBuilder<PostgreSqlKasifyDbContext>().UsePostgreSqlKasify("Host=offline;Database=kasify").Options);

    /// <summary>PostgreSQL's set began later: its Initial migration is the model as of SQLite's migration of this name.</summary>
    private const string LastSqliteMigrationBeforePostgreSql = "SesRegister";

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
    public void The_PostgreSQL_model_has_no_pending_changes()
    {
        using var db = PostgreSql();

        db.Database.HasPendingModelChanges().Should().BeFalse("run build/add-migration.sh after changing the model");
    }

    [Test]
    public void The_PostgreSQL_migration_script_generates_with_UTC_timestamps_uuids_and_quoted_index_filters()
    {
        using var db = PostgreSql();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.Should().Contain("CREATE TABLE \"Properties\"").And.Contain("CREATE TABLE \"OutboxMessages\"")
            .And.Contain("uuid").And.Contain("timestamp with time zone").And.NotContain("[DedupKey]")
            .And.Contain("WHERE \"DedupKey\" IS NOT NULL");
        foreach (var migration in db.Database.GetMigrations()) script.Should().Contain(migration);
    }

    [Test]
    public void PostgreSQL_has_SQLite_s_migrations_after_its_initial_one()
    {
        using var postgres = PostgreSql();
        using var sqlite = Sqlite();

        var names = postgres.Database.GetMigrations().Select(m => m[15..]).ToList();
        var sqliteNames = sqlite.Database.GetMigrations().Select(m => m[15..]).ToList();

        names.First().Should().Be("Initial");
        sqliteNames.Should().Contain(LastSqliteMigrationBeforePostgreSql);
        names.Skip(1).Should().Equal(sqliteNames.SkipWhile(n => n != LastSqliteMigrationBeforePostgreSql).Skip(1),
            "build/add-migration.sh adds every new migration to all three sets");
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
