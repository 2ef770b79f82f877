using Kasify.Application;
using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Infrastructure;
using Kasify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kasify.Simulation.Hosting;

/// <summary>
/// The real composition (AddApplication + AddInfrastructure) on a SQLite file, without the web layer: the host of one
/// "process". A restart is <see cref="DisposeAsync"/> and <see cref="StartAsync"/> again on the same file. Only the
/// hand-over to Hangfire is replaced (<see cref="SimulatedJobQueue"/>), so the simulation decides when jobs run.
/// </summary>
public sealed class SimulationHost : IAsyncDisposable
{
    private readonly IHost _host;

    private SimulationHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;
    public SimulatedJobQueue Jobs => Services.GetRequiredService<SimulatedJobQueue>();
    public ActingUser Acting => Services.GetRequiredService<ActingUser>();

    public static async Task<SimulationHost> StartAsync(string databasePath, TimeProvider clock, IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Simulation", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:SqliteConnectionString"] = $"Data Source={databasePath}",
            ["Jobs:RunServer"] = "false",
        });
        if (Environment.GetEnvironmentVariable("KASIFY_SIM_QUEUE_WORKERS") is { } perQueue) builder.Configuration["Jobs:DefaultWorkers"] = perQueue;
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(clock);
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure(builder.Configuration);
        builder.Services.AddSingleton<ActingUser>();
        builder.Services.AddScoped<ICurrentUser, SimulatedUser>();
        builder.Services.AddScoped<IPublicUrls, SimulatedUrls>();
        builder.Services.AddSingleton<SimulatedJobQueue>();
        if (Environment.GetEnvironmentVariable("KASIFY_SIM_SQLITE_RETRY") is null) // set it to measure without (see SqliteBusyWait)
            builder.Services.AddSingleton<IInterceptor, SqliteBusyWait>();
        builder.Services.RemoveAll<IJobScheduler>();
        builder.Services.AddScoped<IJobScheduler>(sp => sp.GetRequiredService<SimulatedJobQueue>());

        var host = builder.Build();
        await host.Services.MigrateDatabaseAsync();
        await host.StartAsync(); // JobsStartup: recurring jobs registered, start-up sweep of overdue outbox rows
        return new SimulationHost(host);
    }

    /// <summary>Runs <paramref name="action"/> in a new scope as the given host (a request), or as nobody (null).</summary>
    public async Task<T> AsAsync<T>(string? subject, Func<IServiceProvider, Task<T>> action)
    {
        Acting.Subject = subject;
        try
        {
            await using var scope = Services.CreateAsyncScope();
            return await action(scope.ServiceProvider);
        }
        finally
        {
            Acting.Subject = null;
        }
    }

    public Task<T> WithDbAsync<T>(Func<KasifyDbContext, Task<T>> action) =>
        AsAsync(null, sp => action(sp.GetRequiredService<KasifyDbContext>()));

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _host.StopAsync(stop.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
