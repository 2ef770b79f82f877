using Kasify.Infrastructure.Persistence.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kasify.Infrastructure.Persistence;

/// <summary>Used by <c>dotnet ef migrations add</c> only; no database is needed to build the model.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKasifyDbContext>
{
    public SqliteKasifyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKasifyDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerKasifyDbContext>
{
    public SqlServerKasifyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerKasifyDbContext>()
            .UseSqlServer("Server=(design-time);Database=Kasify;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlKasifyDbContext>
{
    public PostgreSqlKasifyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlKasifyDbContext>().UsePostgreSqlKasify("Host=design-time;Database=kasify").Options);
}
