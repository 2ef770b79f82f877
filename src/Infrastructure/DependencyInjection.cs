using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Kasify.Application.Calendars;
using Kasify.Application.Jobs;
using Kasify.Application.Security;
using Kasify.Infrastructure.Security;
using Kasify.Infrastructure.Calendars;
using Kasify.Infrastructure.Calendars.Feeds;
using Kasify.Infrastructure.Geo;
using Kasify.Infrastructure.Ses;
using Kasify.Infrastructure.SmartLocks;
using Kasify.Infrastructure.Jobs;
using Kasify.Infrastructure.Persistence;
using Kasify.Infrastructure.Telemetry;
using Kasify.Application;
using MassTransit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Infrastructure;

public static class DependencyInjection
{
    /// <param name="extraConsumers">More domain event consumers (tests register probes here).</param>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration,
        Action<IMediatorRegistrationConfigurator>? extraConsumers = null)
    {
        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(database);
        services.AddKasifyDatabase(database);
        services.TryAddTimeProvider();

        services.AddMediator(cfg =>
        {
            cfg.AddConsumers(typeof(Application.DependencyInjection).Assembly);
            extraConsumers?.Invoke(cfg);
            cfg.ConfigureMediator((_, mediator) => mediator.ConnectConsumerConfigurationObserver(new Persistence.Interceptors.OneConsumerAtATimeObserver()));
        });
        services.AddScoped<Persistence.Interceptors.ConsumerTurn>();
        services.AddKasifyDataProtection(configuration);
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();

        services.AddCalendarFeeds(configuration);
        services.AddScoped<ICalendarUrlPolicy, CalendarUrlPolicy>();
        services.AddGeo();
        services.AddSes(configuration);
        services.AddSmartLockVendors(configuration);
        services.AddOptions<Application.Guests.GuestOptions>().Bind(configuration.GetSection(Application.Guests.GuestOptions.SectionName))
            .Validate(o => o.RetentionYears >= 1, "Guests:RetentionYears must be at least 1").ValidateOnStart();
        services.AddOptions<Application.AccessCodes.AccessCodeOptions>().Bind(configuration.GetSection(Application.AccessCodes.AccessCodeOptions.SectionName));
        services.AddKasifyJobs(configuration, database);
        services.AddKasifyMetrics();
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    private static void AddKasifyJobs(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.SectionName))
            .PostConfigure(o => o.DurableStorage = database.IsServerDatabase);
        services.AddScoped<IJobScheduler, HangfireJobScheduler>();
        services.AddScoped<OutboxJobRunner>();
        services.AddSingleton<OutboxJobCatalog>();
        services.AddSingleton<JobInstance>();
        services.AddScoped<OutboxSweep>();
        services.AddScoped<RecurringSweeps>();
        services.AddSingleton<DueJobsRunner>();

        services.AddHangfire(cfg =>
        {
            cfg.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.SqlServer)
                cfg.UseSqlServerStorage(database.SqlServerConnectionString, new SqlServerStorageOptions { PrepareSchemaIfNecessary = true });
            else if (database.Provider == DatabaseProvider.PostgreSql)
                cfg.UsePostgreSqlStorage(c => c.UseNpgsqlConnection(database.PostgreSqlConnectionString),
                    new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, SchemaName = "hangfire" });
            else
                cfg.UseInMemoryStorage(); // the outbox table is the durable record; see docs/adr/0003
        });
        var jobs = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        if (jobs.RunServer)
        {
            // One server per queue: each queue has its own workers, so feed fetches never hold up critical work.
            foreach (var queue in JobQueues.All)
                services.AddHangfireServer(o =>
                {
                    o.ServerName = $"{Environment.MachineName}:{queue}";
                    o.Queues = [queue];
                    o.WorkerCount = jobs.WorkersFor(queue);
                    o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
                });
        }
        services.AddHostedService<ClaimHeartbeat>();
        services.AddHostedService<JobsStartup>();
    }
}
