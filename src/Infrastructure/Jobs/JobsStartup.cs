using Hangfire;
using Kasify.Application.AccessCodes;
using Kasify.Application.Ses;
using Kasify.Application.Tasks.Cleaning;
using Kasify.Application.Calendars;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kasify.Infrastructure.Jobs;

/// <summary>Registers the recurring jobs and sweeps once at start-up, so work lost by a restart resumes at once.</summary>
internal sealed class JobsStartup(IServiceScopeFactory scopes, IRecurringJobManager recurring) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<OutboxSweep>(OutboxSweep.RecurringJobId, sweep => sweep.RunRecurringAsync(CancellationToken.None), Cron.Minutely);
        recurring.AddOrUpdate<SesSweep>(SesSweep.RecurringJobId, sweep => sweep.RunAsync(CancellationToken.None), Cron.Hourly);
        recurring.AddOrUpdate<CleaningTaskSweep>(CleaningTaskSweep.RecurringJobId, sweep => sweep.RunAsync(CancellationToken.None), Cron.Hourly);
        recurring.AddOrUpdate<DueCalendarSyncDispatcher>(DueCalendarSyncDispatcher.RecurringJobId,
            dispatcher => dispatcher.RunAsync(CancellationToken.None), Cron.Minutely);
        recurring.AddOrUpdate<AccessCodeSweep>(AccessCodeSweep.RecurringJobId, sweep => sweep.RunAsync(CancellationToken.None), "*/15 * * * *");
        recurring.AddOrUpdate<Application.Guests.GuestRetentionPurge>(Application.Guests.GuestRetentionPurge.RecurringJobId,
            purge => purge.RunAsync(CancellationToken.None), Cron.Daily(3));
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxSweep>().RunAsync(TimeSpan.Zero, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
