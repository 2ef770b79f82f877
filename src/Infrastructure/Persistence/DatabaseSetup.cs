using Kasify.Infrastructure.Persistence.Interceptors;
using Kasify.Infrastructure.Persistence.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Infrastructure.Persistence;

internal static class DatabaseSetup
{
    public static void AddKasifyDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton<SqliteInstanceLock>();
        services.AddScoped<DomainEventsInterceptor>();
        services.AddScoped<OutboxDispatchInterceptor>();

        if (options.Provider == DatabaseProvider.SqlServer)
        {
            var connection = options.SqlServerConnectionString
                             ?? throw new InvalidOperationException("Database:SqlServerConnectionString is required when Database:Provider is SqlServer.");
            services.AddDbContext<SqlServerKasifyDbContext>((sp, o) => Configure(sp, o.UseSqlServer(connection,
                sql => sql.MigrationsHistoryTable("__EFMigrationsHistory").EnableRetryOnFailure())));
            services.AddScoped<KasifyDbContext>(sp => sp.GetRequiredService<SqlServerKasifyDbContext>());
        }
        else if (options.Provider == DatabaseProvider.PostgreSql)
        {
            var connection = options.PostgreSqlConnectionString
                             ?? throw new InvalidOperationException("Database:PostgreSqlConnectionString is required when Database:Provider is PostgreSql.");
            services.AddDbContext<PostgreSqlKasifyDbContext>((sp, o) => Configure(sp, o.UsePostgreSqlKasify(connection)));
            services.AddScoped<KasifyDbContext>(sp => sp.GetRequiredService<PostgreSqlKasifyDbContext>());
        }
        else
        {
            EnsureSqliteFolder(options.SqliteConnectionString);
            services.AddDbContext<SqliteKasifyDbContext>((sp, o) => Configure(sp, o.UseSqlite(options.SqliteConnectionString)));
            services.AddScoped<KasifyDbContext>(sp => sp.GetRequiredService<SqliteKasifyDbContext>());
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
