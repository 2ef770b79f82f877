using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kasify.Infrastructure.Persistence.PostgreSql;

public static class PostgreSqlOptions
{
    /// <summary>
    /// Npgsql with what makes PostgreSQL behave like our other providers: retries on transient failures,
    /// case-insensitive <c>LIKE</c> (see <see cref="CaseInsensitiveLikeTranslator"/>) and NUL characters refused as bad input.
    /// </summary>
    public static TBuilder UsePostgreSqlKasify<TBuilder>(this TBuilder options, string connectionString) where TBuilder : DbContextOptionsBuilder
    {
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory").EnableRetryOnFailure());
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new CaseInsensitiveLikeExtension());
        options.AddInterceptors(new NulCharacterGuard());
        return options;
    }
}
