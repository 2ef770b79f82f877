using Kasify.Application.Common;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.TestFakes.SmartLocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kasify.FunctionalTests.AccessCodes;

/// <summary>A host that stops between submitting a Nuki code and finding it: the next host finishes the job, one code only.</summary>
public sealed class AccessCodeRestartTests
{
    private string _database = null!;
    private FakeNuki _nuki = null!;

    [SetUp]
    public void Start()
    {
        _database = KasifyApiFactory.NewDatabasePath();
        _nuki = new FakeNuki { PendingMode = NukiPendingMode.Manual };
    }

    [TearDown]
    public void Stop()
    {
        _nuki.Dispose();
        TestDatabase.Delete(_database);
    }

    private KasifyApiFactory Host(FakeTimeProvider clock) =>
        new(_database, clock, new Dictionary<string, string?> { ["SmartLocks:Nuki:BaseUrl"] = _nuki.Url });

    [Test]
    public async Task A_code_submitted_before_a_restart_is_found_after_it_and_never_created_twice()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var smartlock = _nuki.AddSmartlock("restart-token", 4242, "Front door");
        Guid bookingId;
        await using (var before = Host(clock))
        {
            _ = before.Server;
            var owner = await RegisterAsync(before);
            var propertyId = (await (await owner.PostJsonAsync("/properties", Properties.PropertyRequests.Full())).ShouldBeAsync(System.Net.HttpStatusCode.Created))["id"]!.GetValue<string>();
            var integration = (await (await owner.PostJsonAsync("/integrations/nuki", new { api_token = "restart-token" })).ShouldBeAsync(System.Net.HttpStatusCode.Created))["id"]!.GetValue<string>();
            await (await owner.PostJsonAsync($"/properties/{propertyId}/smart-locks", new { integration_id = integration, external_id = "4242" }))
                .ShouldBeAsync(System.Net.HttpStatusCode.Created);
            var from = before.Today().AddDays(1);
            bookingId = (await before.AddBookingAsync(Guid.Parse(propertyId), from, from.AddDays(2))).Id;

            clock.Advance(TimeZones.ToUtc(from, new TimeOnly(15, 30), "Europe/Madrid").AddHours(-24) - clock.GetUtcNow().UtcDateTime);
            await before.RunDueJobsAsync();
            (await before.WithDbAsync(db => db.AccessCodes.SingleAsync(c => c.BookingId == bookingId))).Status.ToString().Should().Be("Pending");
        }

        _nuki.CompletePendingAuths();
        clock.Advance(TimeSpan.FromMinutes(5));
        await using var after = Host(clock);
        _ = after.Server;
        await after.RunDueJobsAsync();
        await after.RunDueJobsAsync();

        var code = await after.WithDbAsync(db => db.AccessCodes.SingleAsync(c => c.BookingId == bookingId));
        code.Status.ToString().Should().Be("Active");
        code.ExternalCodeId.Should().NotBeNull();
        _nuki.AuthsOn(smartlock.SmartlockId).Should().ContainSingle();
    }

    private static async Task<HttpClient> RegisterAsync(KasifyApiFactory host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Mint("restart-owner", "restart@example.test", "Ana", "García", false));
        (await client.PostAsync("/auth/register", null)).EnsureSuccessStatusCode();
        return client;
    }
}
