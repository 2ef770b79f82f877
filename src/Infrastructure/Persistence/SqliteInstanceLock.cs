using Microsoft.Data.Sqlite;

namespace Kasify.Infrastructure.Persistence;

/// <summary>
/// SQLite serves one instance: its Hangfire queue is in memory and its start-up sweep assumes nobody else runs the
/// outbox. An exclusive lock on <c>&lt;database&gt;.lock</c>, held until the host is disposed (the operating system
/// drops it if the process dies), makes a second instance on the same file stop at start-up with a clear message.
/// </summary>
public sealed class SqliteInstanceLock : IDisposable
{
    private FileStream? _held;

    public static string LockFileOf(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource) + ".lock";

    public void Acquire(string connectionString)
    {
        if (_held is not null) return;
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:") return;
        var path = LockFileOf(connectionString);
        try
        {
            _held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new SqliteInstanceLockedException(
                $"Another Kasify instance is already running on the SQLite database '{dataSource}' (it holds '{path}'). " +
                "SQLite supports one instance: stop the other one, or use PostgreSQL or SQL Server to run several " +
                "(Database:Provider, docs/operations.md). Database:SqliteSingleInstance=false skips this check, which is unsafe " +
                "for a second API instance.", e);
        }
    }

    public void Dispose()
    {
        _held?.Dispose();
        _held = null;
    }
}
