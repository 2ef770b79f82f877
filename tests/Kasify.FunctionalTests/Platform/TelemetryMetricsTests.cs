using System.Diagnostics.Metrics;
using System.Net;
using Kasify.Application.Jobs;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Calendars;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Jobs;
using Kasify.FunctionalTests.Properties;
using Kasify.Infrastructure.Persistence;
using Kasify.Infrastructure.Telemetry;
using Kasify.TestFakes.Calendars;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Kasify.FunctionalTests.Platform;

/// <summary>The <c>Kasify</c> meter and the outbox health check, read as an operator's collector would.</summary>
[NonParallelizable]
public sealed class TelemetryMetricsTests
{
    private readonly FakeFeedServer _feeds = new();
    private KasifyApiFactory _api = null!;

    [OneTimeSetUp]
    public void StartApi()
    {
        _api = new KasifyApiFactory(KasifyApiFactory.NewDatabasePath(), services: services =>
        {
            services.AddScoped<IOutboxJobHandler, CountingJob>();
            services.AddScoped<IOutboxJobHandler, FailingJob>();
            services.AddScoped<IOutboxJobHandler, HopelessJob>();
        });
        _ = _api.Server;
    }

    [OneTimeTearDown]
    public async Task StopApi()
    {
        await _api.DisposeAsync();
        _api.DeleteDatabase();
        _feeds.Dispose();
    }

    [TearDown]
    public Task CancelLeftOverJobs() => _api.WithDbAsync(db => db.OutboxMessages.Where(m => m.ProcessedAt == null && m.CancelledAt == null)
        .ExecuteUpdateAsync(s => s.SetProperty(m => m.CancelledAt, _api.Clock.GetUtcNow().UtcDateTime)));

    private IMeterFactory Meters => _api.Services.GetRequiredService<IMeterFactory>();

    [Test]
    public async Task Failed_job_attempts_are_counted_by_kind_and_a_final_failure_says_so()
    {
        using var failures = new MetricCollector<long>(Meters, KasifyTelemetry.MeterName, "kasify.jobs.failures");
        using var durations = new MetricCollector<double>(Meters, KasifyTelemetry.MeterName, "kasify.jobs.duration");
        await EnqueueAsync(FailingJob.JobKind);
        await EnqueueAsync(HopelessJob.JobKind);
        await EnqueueAsync(CountingJob.JobKind, Guid.NewGuid());

        await _api.RunDueJobsAsync();

        failures.GetMeasurementSnapshot().Select(m => $"{m.Tags["kasify.job.kind"]} final={m.Tags["kasify.job.final"]} +{m.Value}")
            .Should().BeEquivalentTo("test.fail final=False +1", "test.telemetry.hopeless final=True +1");
        durations.GetMeasurementSnapshot().Select(m => $"{m.Tags["kasify.job.kind"]} {m.Tags["kasify.job.outcome"]}")
            .Should().BeEquivalentTo("test.fail failed", "test.telemetry.hopeless failed", "test.count ok");
    }

    [Test]
    public async Task The_outbox_gauges_report_the_due_backlog_and_how_long_its_oldest_row_waited()
    {
        await EnqueueAsync(CountingJob.JobKind, Guid.NewGuid());
        await EnqueueAsync(CountingJob.JobKind, Guid.NewGuid(), dueAt: _api.Clock.GetUtcNow().UtcDateTime.AddHours(1)); // not due: no backlog
        _api.Clock.Advance(TimeSpan.FromMinutes(10));

        var (backlog, oldest) = ReadOutboxGauges();
        backlog.Should().Be(1);
        oldest.Should().Be(600);

        await _api.RunDueJobsAsync();
        ReadOutboxGauges().Should().Be((0, 0.0));
    }

    [Test]
    public void Every_gauge_reads_the_database_without_failing()
    {
        _api.Services.GetRequiredService<OperationalGauges>().Invalidate();
        using var gauges = new MetricCollector<int>(Meters, KasifyTelemetry.MeterName, "kasify.ses.reports_overdue");
        using var ages = new MetricCollector<double>(Meters, KasifyTelemetry.MeterName, "kasify.calendars.sync_lag");

        gauges.RecordObservableInstruments();
        ages.RecordObservableInstruments();

        gauges.LastMeasurement!.Value.Should().Be(0);
        ages.LastMeasurement!.Value.Should().BeGreaterThanOrEqualTo(0);
    }

    [Test]
    public async Task Calendar_syncs_are_counted_by_channel_and_outcome_and_failing_feeds_are_gauged()
    {
        using var syncs = new MetricCollector<long>(Meters, KasifyTelemetry.MeterName, "kasify.calendars.syncs");
        using var failing = new MetricCollector<int>(Meters, KasifyTelemetry.MeterName, "kasify.calendars.failing");
        const string path = "/airbnb/telemetry.ics";
        _feeds.ServeStatus(path, 404);
        var owner = await OwnerAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Full(airbnb: _feeds.UrlFor(path).ToString()));
        await _api.RunDueJobsAsync();

        _api.Services.GetRequiredService<OperationalGauges>().Invalidate();
        failing.RecordObservableInstruments();
        failing.LastMeasurement!.Value.Should().Be(1);

        _feeds.ServeOk(path, new AirbnbFeed().WithReservation(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 4)).Build());
        _api.Clock.Advance(TimeSpan.FromMinutes(1));
        await owner.SyncNowAsync(_api, propertyId);

        syncs.GetMeasurementSnapshot().Select(m => $"{m.Tags["kasify.calendar.channel"]} {m.Tags["kasify.calendar.outcome"]}")
            .Should().Equal("airbnb failed", "airbnb ok");
        _api.Services.GetRequiredService<OperationalGauges>().Invalidate();
        failing.RecordObservableInstruments();
        failing.LastMeasurement!.Value.Should().Be(0);
    }

    [Test]
    public async Task Ready_is_degraded_while_a_due_job_waits_longer_than_the_threshold()
    {
        await EnqueueAsync(CountingJob.JobKind, Guid.NewGuid());
        _api.Clock.Advance(TimeSpan.FromMinutes(14));
        (await ReadyAsync()).Should().Be((HttpStatusCode.OK, "Healthy"), "14 minutes is within the default 15");

        _api.Clock.Advance(TimeSpan.FromMinutes(2));
        (await ReadyAsync()).Should().Be((HttpStatusCode.OK, "Degraded"), "still serving, but its jobs are not running");

        await _api.RunDueJobsAsync();
        (await ReadyAsync()).Should().Be((HttpStatusCode.OK, "Healthy"));
    }

    [Test]
    public async Task A_job_in_back_off_is_not_a_backlog()
    {
        await EnqueueAsync(FailingJob.JobKind);
        _api.Clock.Advance(TimeSpan.FromMinutes(20));
        (await ReadyAsync()).Should().Be((HttpStatusCode.OK, "Degraded"));

        await _api.RunDueJobsAsync(); // fails: retried in 30 s, so it is no longer waiting for a worker

        (await ReadyAsync()).Should().Be((HttpStatusCode.OK, "Healthy"));
    }

    private (int Backlog, double OldestSeconds) ReadOutboxGauges()
    {
        _api.Services.GetRequiredService<OperationalGauges>().Invalidate();
        using var backlog = new MetricCollector<int>(Meters, KasifyTelemetry.MeterName, "kasify.outbox.backlog");
        using var oldest = new MetricCollector<double>(Meters, KasifyTelemetry.MeterName, "kasify.outbox.oldest_due_age");
        backlog.RecordObservableInstruments();
        oldest.RecordObservableInstruments();
        return (backlog.LastMeasurement!.Value, oldest.LastMeasurement!.Value);
    }

    private async Task<(HttpStatusCode, string)> ReadyAsync()
    {
        var response = await _api.CreateClient().GetAsync("/health/ready");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task EnqueueAsync(string kind, object? payload = null, DateTime? dueAt = null)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOutbox>().EnqueueAsync(kind, payload ?? new { }, dueAt);
        await scope.ServiceProvider.GetRequiredService<KasifyDbContext>().SaveChangesAsync();
    }

    private async Task<TestUser> OwnerAsync()
    {
        var subject = "user-" + Guid.NewGuid().ToString("N")[..12];
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Mint(subject, $"{subject}@example.test", "Ana", "García"));
        var account = await (await client.PostAsync("/auth/register", null)).ShouldBeAsync(HttpStatusCode.Created);
        return new TestUser(client, Guid.Parse(account["id"]!.GetValue<string>()), Guid.Parse(account["account_id"]!.GetValue<string>()),
            subject, $"{subject}@example.test");
    }

    /// <summary>Fails for good at once.</summary>
    private sealed class HopelessJob : IOutboxJobHandler
    {
        public const string JobKind = "test.telemetry.hopeless";

        public string Kind => JobKind;

        public Task HandleAsync(string payload, CancellationToken ct) => throw new PermanentJobFailureException("never works");
    }
}
