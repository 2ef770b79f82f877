using Hangfire;
using Kasify.Application.Jobs;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.Infrastructure.Jobs;
using Kasify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.FunctionalTests.Jobs;

/// <summary>
/// Duplicate Hangfire jobs of one outbox row (handed over again by a sweep, a restart or a second instance) must die
/// out, not live on through every retry: the simulation's SES outage turned a few failing rows into 39,000 job runs a day.
/// </summary>
public sealed class DuplicateJobTests
{
    private string _database = null!;

    [SetUp]
    public void NewDatabase() => _database = KasifyApiFactory.NewDatabasePath();

    [TearDown]
    public void RemoveDatabase() => TestDatabase.Delete(_database);

    [Test]
    public async Task A_duplicate_job_that_finds_its_row_waiting_in_back_off_does_not_schedule_another_one()
    {
        await using var host = new KasifyApiFactory(_database, services: s => s.AddScoped<IOutboxJobHandler, FailingJob>());
        _ = host.Server;
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var id = await EnqueueFailingAsync(host);

        // Two Hangfire jobs of the row fire together (the sweep handed it over again): the first fails and schedules its
        // retry, the second finds the row already waiting for that retry.
        var first = async () => await RunAsync(host, id);
        await first.Should().ThrowAsync<HttpRequestException>();
        await RunAsync(host, id);

        var row = await host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        row.DueAt.Should().BeAfter(host.Clock.GetUtcNow().UtcDateTime, "the row waits in back-off");
        monitoring.ScheduledCount().Should().Be(1, "one Hangfire job for the retry, not one per duplicate");
    }

    [Test]
    public async Task A_job_fired_a_moment_early_is_handed_over_again_for_its_time()
    {
        await using var host = new KasifyApiFactory(_database, services: s => s.AddScoped<IOutboxJobHandler, CountingJob>());
        _ = host.Server;
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var due = host.Clock.GetUtcNow().UtcDateTime.AddSeconds(3);
        Guid id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KasifyDbContext>();
            await scope.ServiceProvider.GetRequiredService<IOutbox>().EnqueueAsync(CountingJob.JobKind, Guid.NewGuid(), due);
            id = db.OutboxMessages.Local.Single().Id;
            await db.SaveChangesAsync();
        }

        await RunAsync(host, id); // 3 s early: another server's clock is a little ahead

        monitoring.ScheduledCount().Should().Be(2, "the early job is handed over again for the row's time");
    }

    private static async Task<Guid> EnqueueFailingAsync(KasifyApiFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasifyDbContext>();
        await scope.ServiceProvider.GetRequiredService<IOutbox>().EnqueueAsync(FailingJob.JobKind, Guid.NewGuid());
        var id = db.OutboxMessages.Local.Single().Id;
        await db.SaveChangesAsync();
        return id;
    }

    private static async Task RunAsync(KasifyApiFactory host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxJobRunner>().RunAsync(id, CancellationToken.None);
    }
}
