namespace Kasify.Infrastructure.Persistence;

public enum DatabaseProvider { Sqlite, SqlServer }

/// <summary>Section <c>Database</c>: <c>Provider</c> (Sqlite default, or SqlServer) and the connection strings.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string SqliteConnectionString { get; set; } = "Data Source=data/kasify.db";
    public string? SqlServerConnectionString { get; set; }
}
