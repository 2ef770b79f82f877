using Kasify.Infrastructure.Jobs;
using Kasify.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Kasify.FunctionalTests.Infrastructure;

/// <summary>
/// The real API over a real SQLite file (or its own PostgreSQL database in the PostgreSQL pass, see
/// <see cref="TestDatabase"/>). Jobs are not run by a Hangfire server but by <see cref="RunDueJobsAsync"/>,
/// driven by <see cref="Clock"/>, so schedules are deterministic.
/// </summary>
public sealed class KasifyApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _realClock;
    private readonly Action<IServiceCollection>? _services;

    public KasifyApiFactory(string databasePath, FakeTimeProvider? clock = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, bool realClock = false)
    {
        DatabasePath = databasePath;
        Clock = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        _realClock = realClock;
        _services = services;
        _settings = new Dictionary<string, string?>(TestTokens.Settings)
        {
            ["Jobs:RunServer"] = "false",
            ["Database:SqliteSingleInstance"] = "false", // tests start a second host on one file on purpose (restarts, other instances)
            ["Calendars:AllowPrivateAddresses"] = "true",
            ["SmartLocks:AllowPrivateAddresses"] = "true", // the vendor fakes listen on loopback
        };
        foreach (var (key, value) in TestDatabase.Settings(databasePath)) _settings[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public string DatabasePath { get; }
    public FakeTimeProvider Clock { get; }
    public QueryCounter Queries { get; } = new();

    /// <summary>A new database file in the temp folder (or PostgreSQL database), removed by <see cref="DeleteDatabase"/>.</summary>
    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"kasify-tests-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (ProgressLoggerProvider.File is not null) builder.ConfigureLogging(l => l.AddProvider(new ProgressLoggerProvider()));
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(_realClock ? TimeProvider.System : Clock);
            services.AddSingleton<IInterceptor>(Queries);
            _services?.Invoke(services);
        });
    }

    public Task<int> RunDueJobsAsync() => Services.GetRequiredService<DueJobsRunner>().RunAsync();

    public async Task WithDbAsync(Func<KasifyDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<KasifyDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<KasifyDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<KasifyDbContext>());
    }

    public void DeleteDatabase() => TestDatabase.Delete(DatabasePath);
}
