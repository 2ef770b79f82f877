using Kasify.Infrastructure.Persistence.Interceptors;
using Kasify.Infrastructure.Persistence.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Infrastructure.Persistence;

internal static class DatabaseSetup
{
    /// <summary>Contexts kept for reuse; more concurrent scopes than this just create (and drop) extra ones.</summary>
    private const int PoolSize = 128;

    public static void AddKasifyDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton<SqliteInstanceLock>();
        // Singletons, so the options are built once and contexts come from a pool (issue 14: building the options and
        // a context per request was a fixed cost of every read). Per-unit-of-work services come from the context's scope.
        services.AddSingleton<DomainEventsInterceptor>();
        services.AddSingleton<OutboxDispatchInterceptor>();
        services.AddScoped<OutboxHandOver>();

        if (options.Provider == DatabaseProvider.SqlServer)
        {
            var connection = options.SqlServerConnectionString
                             ?? throw new InvalidOperationException("Database:SqlServerConnectionString is required when Database:Provider is SqlServer.");
            services.AddDbContextPool<SqlServerKasifyDbContext>((sp, o) => Configure(sp, o.UseSqlServer(connection,
                sql => sql.MigrationsHistoryTable("__EFMigrationsHistory").EnableRetryOnFailure())), PoolSize);
            services.AddScoped<KasifyDbContext>(sp => sp.GetRequiredService<SqlServerKasifyDbContext>().AttachTo(sp));
        }
        else if (options.Provider == DatabaseProvider.PostgreSql)
        {
            var connection = options.PostgreSqlConnectionString
                             ?? throw new InvalidOperationException("Database:PostgreSqlConnectionString is required when Database:Provider is PostgreSql.");
            services.AddDbContextPool<PostgreSqlKasifyDbContext>((sp, o) => Configure(sp, o.UsePostgreSqlKasify(connection)), PoolSize);
            services.AddScoped<KasifyDbContext>(sp => sp.GetRequiredService<PostgreSqlKasifyDbContext>().AttachTo(sp));
        }
        else
        {
            EnsureSqliteFolder(options.SqliteConnectionString);
            services.AddDbContextPool<SqliteKasifyDbContext>((sp, o) => Configure(sp, o.UseSqlite(options.SqliteConnectionString)), PoolSize);
            services.AddScoped<KasifyDbContext>(sp => sp.GetRequiredService<SqliteKasifyDbContext>().AttachTo(sp));
        }
        services.AddScoped<Application.Common.IKasifyDb>(sp => sp.GetRequiredService<KasifyDbContext>());
    }

    private static void Configure(IServiceProvider sp, DbContextOptionsBuilder options) =>
        options
            .AddInterceptors(sp.GetRequiredService<DomainEventsInterceptor>(), sp.GetRequiredService<OutboxDispatchInterceptor>())
            .AddInterceptors(sp.GetServices<IInterceptor>()); // extra ones (e.g. tests counting queries)

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:") Directory.CreateDirectory(folder);
    }
}
