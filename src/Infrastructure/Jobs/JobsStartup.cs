using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kasify.Infrastructure.Jobs;

/// <summary>Registers the recurring jobs and sweeps once at start-up, so work lost by a restart resumes at once.</summary>
internal sealed class JobsStartup(IServiceScopeFactory scopes, IRecurringJobManager recurring) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var sweep in RecurringSweeps.All)
            recurring.AddOrUpdate<RecurringSweeps>(sweep.Id, sweep.Queue, s => s.RunAsync(sweep.Id, CancellationToken.None), sweep.Cron);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxSweep>().RunAtStartupAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
