using Kasify.Infrastructure.Persistence.PostgreSql;
using Npgsql;

namespace Kasify.FunctionalTests.Infrastructure;

/// <summary>
/// Where a test database lives. By default a SQLite file; with <c>KASIFY_TEST_DB=postgres</c> every file path is mapped
/// to its own PostgreSQL database on the server of <c>KASIFY_TEST_PG</c> (a connection string without a database),
/// created on first use and dropped by <see cref="Delete"/>. <c>build/test.sh</c> runs the suite both ways.
/// Each PostgreSQL test database is a copy of a template that this test run migrated once (EF migrations and Hangfire's
/// schema): the hosts still migrate at start-up, and find nothing pending.
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "KASIFY_TEST_DB";
    public const string ServerVariable = "KASIFY_TEST_PG";

    /// <summary>Tests that only make sense on a SQLite file (they are skipped in the PostgreSQL pass).</summary>
    public const string SqliteOnly = "SqliteOnly";

    /// <summary>Tests that need a server database (they are skipped in the SQLite pass).</summary>
    public const string PostgreSqlOnly = "PostgreSqlOnly";

    private const string Template = "kasify_tests_template";
    private static readonly Lock Creating = new();
    private static readonly HashSet<string> Created = [];
    private static bool _templateReady;

    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>Database:*</c> settings of a host on the database that <paramref name="path"/> names.</summary>
    public static Dictionary<string, string?> Settings(string path) => IsPostgres
        ? new()
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:PostgreSqlConnectionString"] = EnsureCreated(path),
        }
        : new()
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:SqliteConnectionString"] = $"Data Source={path}",
        };

    /// <summary>The PostgreSQL connection string of the database mapped to <paramref name="path"/>, created if missing.</summary>
    public static string EnsureCreated(string path)
    {
        var name = PostgresName(path);
        lock (Creating)
        {
            if (Created.Add(name))
            {
                using var admin = new NpgsqlConnection(ServerConnectionString());
                admin.Open();
                if (!_templateReady) PrepareTemplate(admin);
                using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
                exists.Parameters.AddWithValue("name", name);
                if (exists.ExecuteScalar() is null) Execute(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{Template}\"");
            }
        }
        return DatabaseConnectionString(name);
    }

    /// <summary>Rebuilt once per test run, so it always has this build's migrations.</summary>
    private static void PrepareTemplate(NpgsqlConnection admin)
    {
        Execute(admin, $"DROP DATABASE IF EXISTS \"{Template}\" WITH (FORCE)");
        Execute(admin, $"CREATE DATABASE \"{Template}\"");
        var template = DatabaseConnectionString(Template);
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Kasify.Infrastructure.Persistence.PostgreSqlKasifyDbContext>()
            .UsePostgreSqlKasify(template).Options;
        using (var db = new Kasify.Infrastructure.Persistence.PostgreSqlKasifyDbContext(options))
            Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.Migrate(db.Database);
        using (var connection = new NpgsqlConnection(template))
        {
            connection.Open();
            Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(connection, "hangfire");
        }
        using (var pooled = new NpgsqlConnection(template)) NpgsqlConnection.ClearPool(pooled);
        _templateReady = true;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public static void Delete(string path)
    {
        if (!IsPostgres)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(path + suffix)) File.Delete(path + suffix);
            return;
        }
        var name = PostgresName(path);
        using (var pooled = new NpgsqlConnection(DatabaseConnectionString(name))) NpgsqlConnection.ClearPool(pooled);
        using var admin = new NpgsqlConnection(ServerConnectionString());
        admin.Open();
        Execute(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        lock (Creating) Created.Remove(name);
    }

    /// <summary><c>/tmp/kasify-tests-0123….db</c> → <c>kasify_tests_0123…</c> (at most 63 characters).</summary>
    public static string PostgresName(string path)
    {
        var file = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var name = new string(file.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        if (!name.StartsWith("kasify", StringComparison.Ordinal)) name = "kasify_" + name;
        return name.Length <= 63 ? name : name[..63];
    }

    private static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"{ProviderVariable}=postgres needs {ServerVariable}, a connection string to the PostgreSQL server.");

    private static string DatabaseConnectionString(string name) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = name }.ConnectionString;
}
