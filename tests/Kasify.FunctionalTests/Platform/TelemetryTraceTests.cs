using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Kasify.Infrastructure.Telemetry;
using Kasify.TestFakes.SmartLocks;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OpenTelemetry.Trace;

namespace Kasify.FunctionalTests.Platform;

/// <summary>The API with telemetry on and an in-memory trace exporter (what an OTLP collector would receive).</summary>
[NonParallelizable]
public sealed class TelemetryTraceTests
{
    private const string ProvisionKind = "access_code.provision";

    private readonly FakeNuki _nuki = new();
    private readonly List<Activity> _spans = [];
    private KasifyApiFactory _api = null!;

    [OneTimeSetUp]
    public void StartApi()
    {
        _api = new KasifyApiFactory(KasifyApiFactory.NewDatabasePath(), settings: new Dictionary<string, string?>
        {
            [TelemetryOptions.EnabledKey] = "true",
            ["SmartLocks:Nuki:BaseUrl"] = _nuki.Url,
            ["SmartLocks:Nuki:Timeout"] = "00:00:10",
        }, services: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans)));
        _ = _api.Server;
        _nuki.PendingMode = NukiPendingMode.AfterListCalls;
    }

    [OneTimeTearDown]
    public async Task StopApi()
    {
        await _api.DisposeAsync();
        _api.DeleteDatabase();
        _nuki.Dispose();
    }

    [Test]
    public async Task The_request_that_books_the_outbox_row_and_the_job_that_calls_the_lock_share_one_trace()
    {
        var owner = await OwnerAsync();
        var propertyId = await owner.CreatePropertyAsync();
        await NukiLockAsync(owner, propertyId);

        var booking = await owner.BookAsync(propertyId, "2026-06-02", "2026-06-05");
        bool IsBookingPost(Activity s) => s.Kind == ActivityKind.Server && s.GetTagItem("http.request.method") as string == "POST"
                                          && (s.GetTagItem("url.path") as string ?? "").EndsWith("/bookings", StringComparison.Ordinal);
        // The server span is exported when the request's activity stops, which can come just after the client has the answer.
        for (var wait = 0; wait < 50 && !Spans().Any(IsBookingPost); wait++) await Task.Delay(100);
        var request = Spans().Single(IsBookingPost);
        var traceId = request.TraceId.ToHexString();

        var row = await _api.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.Kind == ProvisionKind && m.Payload.Contains(booking["id"]!.GetValue<string>())));
        row.TraceParent.Should().StartWith($"00-{traceId}-", "the row remembers the trace of the request that wrote it");

        using var delays = new MetricCollector<double>(_api.Services.GetRequiredService<IMeterFactory>(), KasifyTelemetry.MeterName,
            "kasify.access_codes.provisioning_delay");
        _api.Clock.Advance(TimeSpan.FromHours(5)); // 14:00 UTC: provisioning was due at 13:30, 24 h before the 15:30 (CEST) check-in
        await _api.RunDueJobsAsync();

        var job = Spans().Should().ContainSingle(s => s.Source.Name == KasifyTelemetry.JobsSourceName
                                                      && s.GetTagItem("kasify.job.kind") as string == ProvisionKind).Subject;
        job.TraceId.ToHexString().Should().Be(traceId);
        job.Kind.Should().Be(ActivityKind.Consumer);
        job.Status.Should().Be(ActivityStatusCode.Unset, "the job succeeded");
        var nukiPort = new Uri(_nuki.Url).Port;
        var vendorCalls = Spans().Where(s => s.Kind == ActivityKind.Client && s.TraceId == job.TraceId
                                            && Equals(s.GetTagItem("server.port"), nukiPort)).ToList();
        vendorCalls.Should().NotBeEmpty("the job's calls to the lock's vendor are in the trace");
        vendorCalls.Should().OnlyContain(s => IsWithin(s, job), "they are children of the job's span");
        Spans().Should().Contain(s => s.TraceId == job.TraceId && s.ParentSpanId == job.SpanId && s.Source.Name.Contains("EntityFrameworkCore"),
            "the job's queries are in the trace too");

        _api.Clock.Advance(TimeSpan.FromMinutes(2)); // Nuki creates codes asynchronously: the check job finds it live
        await _api.RunDueJobsAsync();
        var delay = delays.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        delay.Value.Should().Be(TimeSpan.FromMinutes(32).TotalSeconds, "due at 13:30, live at 14:02");
        delay.Tags["kasify.lock.vendor"].Should().Be("nuki");
    }

    [Test]
    public async Task A_health_probe_is_not_traced()
    {
        (await _api.CreateClient().GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);

        Spans().Should().NotContain(s => s.Kind == ActivityKind.Server && (s.GetTagItem("url.path") as string ?? "").StartsWith("/health"));
    }

    private List<Activity> Spans()
    {
        lock (_spans) return [.. _spans];
    }

    private bool IsWithin(Activity span, Activity ancestor)
    {
        var bySpanId = Spans().Where(s => s.TraceId == ancestor.TraceId).ToDictionary(s => s.SpanId);
        for (var parent = span.ParentSpanId; bySpanId.TryGetValue(parent, out var next); parent = next.ParentSpanId)
            if (next.SpanId == ancestor.SpanId) return true;
        return false;
    }

    private async Task<TestUser> OwnerAsync()
    {
        var subject = "user-" + Guid.NewGuid().ToString("N")[..12];
        var email = $"{subject}@example.test";
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(subject, email, "Ana", "García"));
        var account = await (await client.PostAsync("/auth/register", null)).ShouldBeAsync(HttpStatusCode.Created);
        return new TestUser(client, Guid.Parse(account["id"]!.GetValue<string>()), Guid.Parse(account["account_id"]!.GetValue<string>()), subject, email);
    }

    private async Task NukiLockAsync(TestUser owner, Guid propertyId)
    {
        var token = "tok-" + Guid.NewGuid().ToString("N");
        var smartlock = _nuki.AddSmartlock(token, 18_000_001, "Front door");
        var integration = await (await owner.Client.PostJsonAsync("/integrations/nuki", new { api_token = token })).ShouldBeAsync(HttpStatusCode.Created);
        await (await owner.Client.PostJsonAsync($"/properties/{propertyId}/smart-locks", new
        {
            integration_id = integration["id"]!.GetValue<string>(),
            external_id = smartlock.SmartlockId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })).ShouldBeAsync(HttpStatusCode.Created);
    }
}
