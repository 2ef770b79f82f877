using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Domain.Accounts;
using Kasify.Domain.Bookings;
using Kasify.Domain.Checkin;
using Kasify.Domain.Integrations;
using Kasify.Domain.Crew;
using Kasify.Domain.Files;
using Kasify.Domain.Properties;
using Kasify.Domain.SmartLocks;
using Kasify.Domain.Tasks;
using Kasify.Domain.AccessCodes;
using Kasify.Domain.Timeline;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Infrastructure.Persistence;

/// <summary>
/// The one database context. Each provider has a derived context (<see cref="SqliteKasifyDbContext"/>,
/// <see cref="SqlServerKasifyDbContext"/>, <see cref="PostgreSqlKasifyDbContext"/>) that owns its own migration set.
/// </summary>
public abstract class KasifyDbContext(DbContextOptions options) : DbContext(options), IKasifyDb, IDataProtectionKeyContext
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<Property> Properties => Set<Property>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<Guest> Guests => Set<Guest>();
    public DbSet<Integration> Integrations => Set<Integration>();
    public DbSet<PropertyCalendar> PropertyCalendars => Set<PropertyCalendar>();
    public DbSet<PropertyMember> PropertyMembers => Set<PropertyMember>();
    public DbSet<PropertyInvitation> PropertyInvitations => Set<PropertyInvitation>();
    public DbSet<PropertyTask> Tasks => Set<PropertyTask>();
    public DbSet<SmartLock> SmartLocks => Set<SmartLock>();
    public DbSet<AccessCode> AccessCodes => Set<AccessCode>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// The service scope (request, job, consumer) this pooled context currently serves: the interceptors, which are
    /// singletons, take the unit of work's services (mediator, job scheduler) from it. Set on every lease.
    /// </summary>
    internal IServiceProvider? Scope { get; private set; }

    internal KasifyDbContext AttachTo(IServiceProvider scope)
    {
        Scope = scope;
        AutoDetectAfterSave = false;
        return this;
    }

    /// <summary>
    /// Set while a save runs with automatic change detection held off by the domain-events interceptor (it detected
    /// already); the interceptor turns detection back on when the save ends.
    /// </summary>
    internal bool AutoDetectAfterSave { get; set; }

    internal T ScopedService<T>() where T : notnull =>
        (Scope ?? throw new InvalidOperationException("This KasifyDbContext was not resolved through a service scope; it cannot save domain events or outbox rows."))
        .GetRequiredService<T>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < 3 && OutboxDispatch() is not null)
            {
                // A concurrent writer queued the same work: drop our duplicate outbox row and save the rest again.
                if (!await OutboxDispatch()!.TryResolveDedupConflictAsync(this, ex, cancellationToken)) throw;
            }
        }
    }

    private Interceptors.OutboxDispatchInterceptor? OutboxDispatch() =>
        this.GetService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>()
            .FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors?
            .OfType<Interceptors.OutboxDispatchInterceptor>().FirstOrDefault();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KasifyDbContext).Assembly);

        // Our ids are made by the domain (Guid v7), never by the database: with this, an entity added to an
        // aggregate's collection is inserted rather than mistaken for an existing row.
        foreach (var key in modelBuilder.Model.GetEntityTypes().Select(t => t.FindPrimaryKey()).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableKey>())
            foreach (var property in key.Properties.Where(p => p.ClrType == typeof(Guid)))
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Everything is stored in UTC and read back as UTC (SQLite keeps no kind).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(400);
    }
}

public sealed class SqliteKasifyDbContext(DbContextOptions<SqliteKasifyDbContext> options) : KasifyDbContext(options);

public sealed class SqlServerKasifyDbContext(DbContextOptions<SqlServerKasifyDbContext> options) : KasifyDbContext(options);

public sealed class PostgreSqlKasifyDbContext(DbContextOptions<PostgreSqlKasifyDbContext> options) : KasifyDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Index filters are written once, with [brackets] (SQL Server and SQLite read them); PostgreSQL quotes with "".
        foreach (var index in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetIndexes()))
            if (index.GetFilter() is { } filter)
                index.SetFilter(System.Text.RegularExpressions.Regex.Replace(filter, @"\[(\w+)\]", "\"$1\""));
    }
}
