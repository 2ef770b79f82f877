using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kasify.Simulation.Hosting;

/// <summary>
/// Lets SQLite itself wait for a lock (<c>PRAGMA busy_timeout</c>, polled in steps of a few milliseconds) instead of
/// Microsoft.Data.Sqlite's retry, which sleeps 150 ms on every "database is locked". The locking is unchanged (same
/// journal mode, same transactions, same command timeout); only the real time a contended write waits after the lock
/// is free shrinks. The simulation runs up to 60 job runners on one file, so that sleep was most of a step's real time.
/// </summary>
internal sealed class SqliteBusyWait : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 30000;"; // the command timeout (30 s): give up no sooner than before

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }
}
