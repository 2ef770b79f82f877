using System.Diagnostics;
using System.Globalization;
using System.Net;
using Kasify.Application.Calendars;
using Kasify.Domain.AccessCodes;
using Kasify.Domain.Bookings;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Checkin;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Kasify.Application.Ses;
using Kasify.TestFakes.Calendars;
using Kasify.TestFakes.Ses;
using Kasify.TestFakes.SmartLocks;
using Kasify.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kasify.FunctionalTests.Platform;

/// <summary>
/// Two hosts on one PostgreSQL database, both running real Hangfire servers (PostgreSQL storage) and the recurring jobs
/// on the real clock. Work is driven through both; the fakes' own records show every piece of outside work done once.
/// </summary>
[Category(TestDatabase.PostgreSqlOnly)]
public sealed class TwoInstanceTests
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(180);
    private string _database = null!;
    private FakeNuki _nuki = null!;
    private FakeFeedServer _feeds = null!;
    private FakeSes _ses = null!;

    [SetUp]
    public void Start()
    {
        if (!TestDatabase.IsPostgres) Assert.Ignore("Two instances share a server database: PostgreSQL pass only.");
        _database = KasifyApiFactory.NewDatabasePath();
        _nuki = new FakeNuki { PendingMode = NukiPendingMode.AfterListCalls };
        _feeds = new FakeFeedServer();
        _ses = new FakeSes();
    }

    [TearDown]
    public void Stop()
    {
        if (!TestDatabase.IsPostgres) return;
        _nuki.Dispose();
        _feeds.Dispose();
        _ses.Dispose();
        TestDatabase.Delete(_database);
    }

    private KasifyApiFactory Host(FakeTimeProvider clock) => new(_database, clock, new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "true",
        ["Jobs:ClaimLeaseSeconds"] = "10",
        ["SmartLocks:Nuki:BaseUrl"] = _nuki.Url,
        ["SmartLocks:Nuki:Timeout"] = "00:00:10",
        ["AccessCodes:StatusTimeout"] = "00:00:01",
        ["AccessCodes:CheckInterval"] = "00:00:05",
        ["Ses:TestUrl"] = _ses.Url,
        ["Ses:ProductionUrl"] = _ses.Url,
        ["RateLimits:Checkin"] = "1000",
    }, realClock: true);

    [Test]
    public async Task Two_instances_share_bookings_cancellations_check_ins_and_syncs_and_do_every_outside_action_once()
    {
        // The hosts run on the real clock; this one only dates what the test seeds (creation times, "today").
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var first = Host(clock);
        await using var second = Host(clock);
        _ = first.Server;
        _ = second.Server;
        var hosts = new[] { first, second };

        var subject = "two-" + Guid.NewGuid().ToString("N")[..10];
        var token = TestTokens.Mint(subject, subject + "@example.test", "Ana", "García", false);
        var clients = hosts.Select(h => { var c = h.CreateClient(); c.DefaultRequestHeaders.Authorization = new("Bearer", token); return c; }).ToArray();
        (await clients[0].PostAsync("/auth/register", null)).EnsureSuccessStatusCode();

        var nukiToken = "tok-" + Guid.NewGuid().ToString("N");
        var locks = Enumerable.Range(0, 4).Select(i => _nuki.AddSmartlock(nukiToken, 18_000_000 + i, $"Door {i}")).ToArray();
        var integration = Guid.Parse((await (await clients[1].PostJsonAsync("/integrations/nuki", new { api_token = nukiToken }))
            .ShouldBeAsync(HttpStatusCode.Created))["id"]!.GetValue<string>());
        // Its password is sealed with the shared key ring by the first host; both hosts' workers open it to report.
        await (await clients[0].PostJsonAsync("/integrations/ses", new
            {
                name = (string?)null, landlord_code = "0000000001", username = _ses.Username, password = _ses.Password, environment = "test",
            }))
            .ShouldBeAsync(HttpStatusCode.Created);

        // Four properties, created alternately through each host, each with its own lock and calendar feed.
        var properties = new List<(Guid Id, FakeNukiSmartlock Lock, string FeedPath)>();
        for (var i = 0; i < 4; i++)
        {
            var client = clients[i % 2];
            var feedPath = $"/two-{i}.ics";
            _feeds.ServeOk(feedPath, FakeFeedServer.EmptyCalendar);
            var propertyId = await new TestUser(client, Guid.Empty, Guid.Empty, subject, "")
                .CreatePropertyAsync(PropertyRequests.Full($"Casa {i}", airbnb: _feeds.UrlFor(feedPath).ToString()));
            var smartlock = locks[i];
            await (await client.PostJsonAsync($"/properties/{propertyId}/smart-locks",
                    new { integration_id = integration, external_id = smartlock.SmartlockId.ToString(CultureInfo.InvariantCulture) }))
                .ShouldBeAsync(HttpStatusCode.Created);
            properties.Add((propertyId, smartlock, feedPath));
        }

        // Stays starting today: their codes are due now. Each booked through the other host than its property.
        var today = first.Today();
        var bookings = new List<SeededBooking>();
        for (var i = 0; i < properties.Count; i++)
            bookings.Add(await hosts[(i + 1) % 2].AddBookingAsync(properties[i].Id, today, today.AddDays(2)));

        // Guests register through both hosts (each stay's first guest on one, its second on the other; the stays at once):
        // every stay but the one cancelled below completes its check-in, and whichever host completes it, SES gets the
        // report once.
        var checkedIn = bookings.Skip(1).ToList();
        var anonymous = hosts.Select(h => h.CreateClient()).ToArray();
        await Task.WhenAll(checkedIn.Select(async (booking, i) =>
        {
            // One stay's two guests at the same instant too: the loser of the booking's version is registered again.
            var guests = new[] { GuestBodies.SpanishAdult(), GuestBodies.FrenchAdult() };
            await Task.WhenAll(guests.Select(async (guest, g) =>
                await (await anonymous[(i + g) % 2].PostJsonAsync($"/checkin/{booking.CheckinCode}/guests", guest))
                    .ShouldBeAsync(HttpStatusCode.Created)));
        }));

        var watch = Stopwatch.StartNew();
        await WaitUntilAsync(first, "every code is live", async db =>
            await db.AccessCodes.CountAsync(c => c.Status == AccessCodeStatus.Active) == bookings.Count && !await Pending(db).AnyAsync());
        var provisioned = watch.Elapsed;

        // Cancel one stay through the host that did not book it: its code must go, once.
        var cancelled = bookings[0];
        await second.CancelBookingAsync(cancelled.Id);
        await WaitUntilAsync(second, "the cancelled stay's code is revoked", async db =>
            await db.AccessCodes.AnyAsync(c => c.BookingId == cancelled.Id && c.Status == AccessCodeStatus.Revoked) && !await Pending(db).AnyAsync());
        TestContext.Out.WriteLine($"codes live after {provisioned.TotalSeconds:F1} s, cancellation done after {watch.Elapsed.TotalSeconds:F1} s");

        var checkedInIds = checkedIn.Select(b => b.Id).ToList();
        await WaitUntilAsync(first, "SES accepted every completed check-in's report", async db =>
            await db.Bookings.CountAsync(b => checkedInIds.Contains(b.Id) && b.Ses.State == SesReportState.Accepted) == checkedIn.Count);
        TestContext.Out.WriteLine($"SES reports accepted after {watch.Elapsed.TotalSeconds:F1} s");

        foreach (var booking in checkedIn)
            _ses.ReceivedReports.Count(r => Referencia(r) == booking.ChannelId).Should().Be(1, "each completed check-in is reported once");
        _ses.ReceivedReports.Should().HaveCount(checkedIn.Count, "nothing else is reported (the cancelled stay never checked in)");
        _ses.ReceivedReports.Select(r => r.Lote).Should().OnlyHaveUniqueItems().And.NotContainNulls();
        _ses.CancelledBatches.Should().BeEmpty("no report was sent twice and then withdrawn");
        _ses.QueriedBatches.Distinct().Should().BeEquivalentTo(_ses.ReceivedReports.Select(r => r.Lote), "each batch is polled until processed");

        _nuki.CompletePendingAuths(); // Nuki applies a delete later; Kasify does not wait for it
        for (var i = 0; i < properties.Count; i++)
        {
            var id = properties[i].Lock.SmartlockId;
            _nuki.Requests.Count(r => r.Method == "PUT" && r.Path.EndsWith($"/smartlock/{id}/auth", StringComparison.Ordinal))
                .Should().Be(1, "lock {0}'s code is created once, by one instance", i);
            var deletes = _nuki.Requests.Count(r => r.Method == "DELETE" && r.Path.Contains($"/smartlock/{id}/auth/", StringComparison.Ordinal));
            if (i == 0)
            {
                deletes.Should().Be(1, "the cancelled stay's code is removed once");
                _nuki.AuthsOn(id).Should().BeEmpty();
            }
            else
            {
                deletes.Should().Be(0);
                _nuki.AuthsOn(id).Should().ContainSingle();
            }
        }

        var rows = await first.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        rows.Should().NotBeEmpty();
        rows.Should().OnlyContain(m => m.FailedAt == null && m.LastError == null, "nothing failed");
        rows.Where(m => m.ProcessedAt != null).Should().OnlyContain(m => m.Attempts == 1, "every job ran once");
        rows.Where(m => m.DedupKey != null).GroupBy(m => m.DedupKey).Should().OnlyContain(g => g.Count() == 1, "no piece of work was queued twice");
        rows.Count(m => m.Kind == CalendarSyncRequest.Kind).Should().Be(properties.Count, "one sync per new calendar");
        rows.Where(m => m.Kind == CalendarSyncRequest.Kind).Should().OnlyContain(m => m.ProcessedAt != null);
        foreach (var (_, _, feedPath) in properties)
            _feeds.RequestCount(feedPath).Should().Be(1, "each feed is fetched once for its first sync");
        rows.Count(m => m.Kind == SubmitTravellerReport.Kind).Should().Be(checkedIn.Count, "one report job per completed check-in");
        rows.Where(m => m.Kind == SubmitTravellerReport.Kind).Should().OnlyContain(m => m.ProcessedAt != null && m.Attempts == 1);
        rows.Select(m => m.ClaimedBy).Distinct().Should().HaveCountGreaterThan(1, "both instances did some of the work");

        // The key ring is one for both: what one host protects, the other reads (cookies, integration secrets).
        var sealedByFirst = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("two-instance-test").Protect("secret");
        second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("two-instance-test").Unprotect(sealedByFirst)
            .Should().Be("secret");
    }

    private static string? Referencia(FakeSesReceivedReport report) =>
        report.Document.Root?.Element("solicitud")?.Element("comunicacion")?.Element("contrato")?.Element("referencia")?.Value;

    [Test]
    public async Task An_instance_stopped_mid_job_loses_nothing_the_other_finishes_it_after_the_lease_with_one_code()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var hosts = new[] { Host(clock), Host(clock) };
        try
        {
            foreach (var host in hosts) _ = host.Server;
            var subject = "stop-" + Guid.NewGuid().ToString("N")[..10];
            var client = hosts[0].CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Mint(subject, subject + "@example.test", "Ana", "García", false));
            (await client.PostAsync("/auth/register", null)).EnsureSuccessStatusCode();
            var nukiToken = "tok-" + Guid.NewGuid().ToString("N");
            var smartlock = _nuki.AddSmartlock(nukiToken, 18_100_000, "Door");
            var integration = Guid.Parse((await (await client.PostJsonAsync("/integrations/nuki", new { api_token = nukiToken }))
                .ShouldBeAsync(HttpStatusCode.Created))["id"]!.GetValue<string>());
            var propertyId = await new TestUser(client, Guid.Empty, Guid.Empty, subject, "").CreatePropertyAsync(PropertyRequests.Full("Casa Lenta"));
            await (await client.PostJsonAsync($"/properties/{propertyId}/smart-locks",
                    new { integration_id = integration, external_id = smartlock.SmartlockId.ToString(CultureInfo.InvariantCulture) }))
                .ShouldBeAsync(HttpStatusCode.Created);

            _nuki.ResponseDelay = TimeSpan.FromSeconds(5); // the provisioning job is still talking to Nuki when its host stops
            var bookingId = (await hosts[0].AddBookingAsync(propertyId, hosts[0].Today(), hosts[0].Today().AddDays(2))).Id;
            await WaitUntilAsync(hosts[0], "an instance claims the provisioning", db => BookingsProvisioning(db)
                .AnyAsync(m => m.ClaimedBy != null && m.ProcessedAt == null));
            var claimer = (await hosts[0].WithDbAsync(db => BookingsProvisioning(db).SingleAsync())).ClaimedBy!;
            var stopping = hosts.Single(h => h.Services.GetRequiredService<JobInstance>().Id == claimer);
            var survivor = hosts.Single(h => h != stopping);
            await Task.Delay(TimeSpan.FromSeconds(1));
            var watch = Stopwatch.StartNew();
            await stopping.DisposeAsync();
            _nuki.ResponseDelay = TimeSpan.Zero;

            await WaitUntilAsync(survivor, "the other instance finishes the code", async db =>
                await db.AccessCodes.AnyAsync(c => c.BookingId == bookingId && c.Status == AccessCodeStatus.Active) && !await Pending(db).AnyAsync());
            TestContext.Out.WriteLine($"taken over and finished {watch.Elapsed.TotalSeconds:F1} s after the claiming instance began to stop");

            var provision = await survivor.WithDbAsync(db => BookingsProvisioning(db).AsNoTracking().SingleAsync());
            provision.ProcessedAt.Should().NotBeNull();
            provision.ClaimedBy.Should().Be(survivor.Services.GetRequiredService<JobInstance>().Id, "the stopped instance never finished it");
            _nuki.CompletePendingAuths();
            _nuki.AuthsOn(smartlock.SmartlockId).Should().ContainSingle("the code is on the lock once, whoever sent it");
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }

    /// <summary>
    /// The provisioning the booking queued; the access-code sweep (every quarter hour on the real clock) may queue one of
    /// its own (dedup key ending ":sweep") while the test runs, which finds the work done.
    /// </summary>
    private static IQueryable<Kasify.Application.Jobs.OutboxMessage> BookingsProvisioning(Kasify.Infrastructure.Persistence.KasifyDbContext db) =>
        db.OutboxMessages.Where(m => m.Kind == "access_code.provision" && (m.DedupKey == null || !m.DedupKey.EndsWith(":sweep")));

    /// <summary>Rows that should have run by now (later ones, e.g. check-out cleaning, wait for their day).</summary>
    private static IQueryable<Kasify.Application.Jobs.OutboxMessage> Pending(Kasify.Infrastructure.Persistence.KasifyDbContext db)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return db.OutboxMessages.Where(m => m.ProcessedAt == null && m.FailedAt == null && m.CancelledAt == null && m.DueAt <= now);
    }

    private static async Task WaitUntilAsync(KasifyApiFactory host, string what,
        Func<Kasify.Infrastructure.Persistence.KasifyDbContext, Task<bool>> done)
    {
        var watch = Stopwatch.StartNew();
        while (!await host.WithDbAsync(done))
        {
            if (watch.Elapsed > DrainTimeout)
            {
                var pending = await host.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                    .Select(m => $"{m.Kind} due {m.DueAt:O} processed {m.ProcessedAt:O} attempts {m.Attempts} error {m.LastError}").ToListAsync());
                Assert.Fail($"Not reached in {DrainTimeout.TotalSeconds} s: {what}. Outbox:\n{string.Join('\n', pending)}");
            }
            await Task.Delay(500);
        }
    }
}
