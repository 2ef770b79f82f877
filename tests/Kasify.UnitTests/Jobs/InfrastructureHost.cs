using Kasify.Application;
using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Domain.Accounts;
using Kasify.Infrastructure;
using Kasify.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;
using Kasify.Infrastructure.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kasify.UnitTests.Jobs;

/// <summary>
/// The real persistence, mediator and job runner over a SQLite file, without the web host: for testing the
/// event dispatch and the outbox runner directly. The job scheduler is a recorder (Hangfire is the transport, not the subject).
/// </summary>
public sealed class InfrastructureHost : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"kasify-unit-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _provider;

    public InfrastructureHost(Action<IServiceCollection>? services = null, Action<IMediatorRegistrationConfigurator>? consumers = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:SqliteConnectionString"] = $"Data Source={_path}",
            ["Jobs:RunServer"] = "false",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddApplication();
        collection.AddInfrastructure(configuration, consumers);
        collection.AddSingleton(Scheduler);
        collection.AddSingleton<IJobScheduler>(Scheduler); // replaces Hangfire: the transport is not under test here
        collection.AddScoped<ICurrentUser, NobodyCalling>();
        collection.AddScoped<IPublicUrls, NoUrls>();
        services?.Invoke(collection);
        _provider = collection.BuildServiceProvider();
        using var scope = _provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<KasifyDbContext>().Database.Migrate();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    public RecordingJobScheduler Scheduler { get; } = new();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> action) => InScopeAsync(async sp => { await action(sp); return 0; });

    public Task<T> WithDbAsync<T>(Func<KasifyDbContext, Task<T>> action) => InScopeAsync(sp => action(sp.GetRequiredService<KasifyDbContext>()));

    public Task RunAsync(Guid outboxMessageId) => InScopeAsync(sp => sp.GetRequiredService<OutboxJobRunner>().RunAsync(outboxMessageId, CancellationToken.None));

    public async Task<Guid> EnqueueAsync(string kind, object payload, DateTime? dueAt = null) =>
        await InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IOutbox>().EnqueueAsync(kind, payload, dueAt);
            var db = sp.GetRequiredService<KasifyDbContext>();
            var id = db.OutboxMessages.Local.Single().Id;
            await db.SaveChangesAsync();
            return id;
        });

    public DbScope NewScope() => new(_provider.CreateAsyncScope());

    public sealed class DbScope(AsyncServiceScope scope) : IAsyncDisposable
    {
        public KasifyDbContext Db { get; } = scope.ServiceProvider.GetRequiredService<KasifyDbContext>();
        public IServiceProvider Services => scope.ServiceProvider;
        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
    }

    public sealed class RecordingJobScheduler : IJobScheduler
    {
        public List<(Guid Id, DateTime DueAt)> Scheduled { get; } = [];

        public void Schedule(Guid outboxMessageId, DateTime dueAtUtc, string kind)
        {
            lock (Scheduled) Scheduled.Add((outboxMessageId, dueAtUtc));
        }
    }

    private sealed class NobodyCalling : ICurrentUser
    {
        public bool IsAuthenticated => false;
        public string? Subject => null;
        public string? Issuer => null;
        public bool IsPersonalAccessToken => false;
        public bool IsPlatformAdmin => false;
        public TokenProfile Profile => new(null, null, null);
        public Task<User?> FindAsync(CancellationToken ct = default) => Task.FromResult<User?>(null);
    }

    private sealed class NoUrls : IPublicUrls
    {
        public string File(Guid fileId) => $"/files/{fileId}";
        public string CalendarExport(Guid propertyId, string token) => $"/properties/{propertyId}/calendar.ics";
        public string PublicTask(string token) => $"/public/tasks/{token}";
    }
}
