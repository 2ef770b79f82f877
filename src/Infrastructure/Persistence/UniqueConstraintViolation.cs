using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kasify.Infrastructure.Persistence;

/// <summary>
/// Recognises a save refused by a unique index — two requests (or a request and a sweep) racing to create the same
/// thing. The API answers 409 instead of 500; the loser can simply retry and will find what the winner made.
/// </summary>
public static class UniqueConstraintViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private static readonly int[] SqlServerDuplicateKey = [2601, 2627];

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
                                  && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        SqlException sqlServer => SqlServerDuplicateKey.Contains(sqlServer.Number),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
