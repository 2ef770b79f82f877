namespace Kasify.Infrastructure.Persistence;

public enum DatabaseProvider { Sqlite, SqlServer, PostgreSql }

/// <summary>Section <c>Database</c>: <c>Provider</c> (Sqlite default, SqlServer or PostgreSql) and the connection strings.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string SqliteConnectionString { get; set; } = "Data Source=data/kasify.db";
    public string? SqlServerConnectionString { get; set; }

    /// <summary>Refuse to start when another instance holds the SQLite file (see <see cref="SqliteInstanceLock"/>).</summary>
    public bool SqliteSingleInstance { get; set; } = true;

    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>A server database several instances can share (Hangfire keeps its jobs in it too).</summary>
    public bool IsServerDatabase => Provider is DatabaseProvider.SqlServer or DatabaseProvider.PostgreSql;
}
