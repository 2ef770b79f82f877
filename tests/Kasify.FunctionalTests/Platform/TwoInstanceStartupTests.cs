using System.Diagnostics;
using System.Globalization;
using System.Net;
using Hangfire;
using Hangfire.Storage;
using Kasify.Domain.AccessCodes;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Kasify.Infrastructure.Jobs;
using Kasify.Infrastructure.Persistence;
using Kasify.TestFakes.SmartLocks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Kasify.FunctionalTests.Platform;

/// <summary>
/// Two instances starting at the same moment on one PostgreSQL database: on an empty database they migrate once,
/// register each recurring sweep once and share one key ring; on a database with pending work, both hand it over at
/// start-up and each piece of outside work is still done once.
/// </summary>
[Category(TestDatabase.PostgreSqlOnly)]
public sealed class TwoInstanceStartupTests
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(180);
    private string _name = null!;
    private string _connectionString = null!;
    private FakeNuki _nuki = null!;
    private string _hostPath = null!;

    [SetUp]
    public void CreateEmptyDatabase()
    {
        if (!TestDatabase.IsPostgres) Assert.Ignore("Two instances share a server database: PostgreSQL pass only.");
        // Not a copy of the migrated template (TestDatabase): this database is empty, so both hosts migrate it.
        _name = "kasify_tests_start_" + Guid.NewGuid().ToString("N")[..12];
        using var admin = new NpgsqlConnection(Server());
        admin.Open();
        using (var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", admin)) create.ExecuteNonQuery();
        _connectionString = new NpgsqlConnectionStringBuilder(Server()) { Database = _name }.ConnectionString;
        _nuki = new FakeNuki { PendingMode = NukiPendingMode.AfterListCalls };
        _hostPath = KasifyApiFactory.NewDatabasePath();
    }

    [TearDown]
    public void DropDatabase()
    {
        if (!TestDatabase.IsPostgres) return;
        _nuki.Dispose();
        TestDatabase.Delete(_hostPath); // the factory's own (unused) database; the hosts are pointed at the empty one
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(Server());
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }

    private static string Server() => Environment.GetEnvironmentVariable(TestDatabase.ServerVariable)
        ?? throw new InvalidOperationException($"{TestDatabase.ServerVariable} is not set");

    private KasifyApiFactory Host(FakeTimeProvider clock, bool runServer) =>
        new(_hostPath, clock, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:PostgreSqlConnectionString"] = _connectionString,
            ["Jobs:RunServer"] = runServer ? "true" : "false",
            ["Jobs:ClaimLeaseSeconds"] = "10",
            ["SmartLocks:Nuki:BaseUrl"] = _nuki.Url,
            ["SmartLocks:Nuki:Timeout"] = "00:00:10",
            ["AccessCodes:StatusTimeout"] = "00:00:01",
            ["AccessCodes:CheckInterval"] = "00:00:05",
        }, realClock: true);

    private static async Task StartTogetherAsync(params KasifyApiFactory[] hosts) =>
        await Task.WhenAll(hosts.Select(h => Task.Run(() => _ = h.Server)));

    [Test]
    public async Task Two_instances_starting_together_migrate_once_register_each_sweep_once_and_do_pending_work_once()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var subject = "start-" + Guid.NewGuid().ToString("N")[..10];
        var token = TestTokens.Mint(subject, subject + "@example.test", "Ana", "García", false);
        var bookings = new List<(Guid Id, FakeNukiSmartlock Lock)>();

        // 1. An empty database; neither host runs jobs yet, so the work they record stays pending.
        await using (var first = Host(clock, runServer: false))
        await using (var second = Host(clock, runServer: false))
        {
            await StartTogetherAsync(first, second);

            var applied = await first.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync());
            var known = await first.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
            applied.Should().Equal(known, "every migration is applied, once");
            foreach (var host in new[] { first, second })
                (await host.CreateClient().GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
            RecurringIds(first).Should().BeEquivalentTo(RecurringSweeps.All.Select(s => s.Id), "each sweep is registered once, under its id");

            var protectedByFirst = Protector(first).Protect("shared");
            Protector(second).Unprotect(protectedByFirst).Should().Be("shared", "both instances use one key ring");
            (await first.WithDbAsync(db => db.DataProtectionKeys.CountAsync())).Should().Be(1, "instances starting together create one key, not one each");

            var clients = new[] { first, second }.Select(h => { var c = h.CreateClient(); c.DefaultRequestHeaders.Authorization = new("Bearer", token); return c; }).ToArray();
            (await clients[0].PostAsync("/auth/register", null)).EnsureSuccessStatusCode();
            var nukiToken = "tok-" + Guid.NewGuid().ToString("N");
            var locks = Enumerable.Range(0, 3).Select(i => _nuki.AddSmartlock(nukiToken, 18_200_000 + i, $"Door {i}")).ToArray();
            var integration = Guid.Parse((await (await clients[1].PostJsonAsync("/integrations/nuki", new { api_token = nukiToken }))
                .ShouldBeAsync(HttpStatusCode.Created))["id"]!.GetValue<string>());
            for (var i = 0; i < 3; i++)
            {
                var smartlock = locks[i];
                var propertyId = await new TestUser(clients[i % 2], Guid.Empty, Guid.Empty, subject, "").CreatePropertyAsync(PropertyRequests.Full($"Casa {i}"));
                await (await clients[i % 2].PostJsonAsync($"/properties/{propertyId}/smart-locks",
                        new { integration_id = integration, external_id = smartlock.SmartlockId.ToString(CultureInfo.InvariantCulture) }))
                    .ShouldBeAsync(HttpStatusCode.Created);
                bookings.Add(((await first.AddBookingAsync(propertyId, first.Today(), first.Today().AddDays(2))).Id, smartlock));
            }
            (await first.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ProcessedAt == null))).Should().BeGreaterThan(0);
        }

        // 2. Both come back at once with their job servers: both hand the pending rows over at start-up.
        await using var again = Host(clock, runServer: true);
        await using var other = Host(clock, runServer: true);
        await StartTogetherAsync(again, other);
        var watch = Stopwatch.StartNew();
        while (await again.WithDbAsync(db => db.AccessCodes.CountAsync(c => c.Status == AccessCodeStatus.Active)) < bookings.Count
               || await again.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ProcessedAt == null && m.FailedAt == null
                   && m.CancelledAt == null && m.DueAt <= DateTime.UtcNow)))
        {
            if (watch.Elapsed > DrainTimeout) Assert.Fail($"The pending codes did not go live in {DrainTimeout.TotalSeconds} s.");
            await Task.Delay(500);
        }
        TestContext.Out.WriteLine($"pending codes live {watch.Elapsed.TotalSeconds:F1} s after both instances started");

        _nuki.CompletePendingAuths();
        foreach (var (_, smartlock) in bookings)
        {
            _nuki.Requests.Count(r => r.Method == "PUT" && r.Path.EndsWith($"/smartlock/{smartlock.SmartlockId}/auth", StringComparison.Ordinal))
                .Should().Be(1, "each code is created once, though both instances handed its row over");
            _nuki.AuthsOn(smartlock.SmartlockId).Should().ContainSingle();
        }
        var rows = await again.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        rows.Should().OnlyContain(m => m.FailedAt == null && m.LastError == null);
        rows.Where(m => m.ProcessedAt != null).Should().OnlyContain(m => m.Attempts == 1, "every job ran once");
        rows.Where(m => m.DedupKey != null).GroupBy(m => m.DedupKey).Should().OnlyContain(g => g.Count() == 1, "starting twice queued nothing twice");
        RecurringIds(again).Should().BeEquivalentTo(RecurringSweeps.All.Select(s => s.Id), "a restart updates each registration in place");
        (await again.WithDbAsync(db => db.DataProtectionKeys.CountAsync())).Should().Be(1);
    }

    private static List<string> RecurringIds(KasifyApiFactory host)
    {
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Select(j => j.Id).ToList();
    }

    private static IDataProtector Protector(KasifyApiFactory host) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("two-instance-startup-test");
}
