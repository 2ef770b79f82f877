using System.Net;
using System.Text.Json.Nodes;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Kasify.TestFakes.SmartLocks;

namespace Kasify.FunctionalTests.SmartLocks;

public sealed record LockedProperty(TestUser Owner, Guid PropertyId, Guid IntegrationId, Guid LockId, string ExternalId, string Token);

/// <summary>An API whose Nuki Web API is a <see cref="FakeNuki"/> and with a <see cref="FakeUnifi"/> console, plus set-up helpers.</summary>
public abstract class SmartLockFixture : ApiFixture
{
    private static long _nextSmartlockId = 17_000_000;

    protected FakeNuki Nuki { get; } = new();
    protected FakeUnifi Unifi { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SmartLocks:Nuki:BaseUrl"] = Nuki.Url,
        ["SmartLocks:Nuki:Timeout"] = "00:00:10", // generous: a loaded build machine must not turn a first TLS call into a timeout
        ["SmartLocks:Unifi:Timeout"] = "00:00:10",
        ["AccessCodes:StatusTimeout"] = "00:00:01",
    };

    [OneTimeTearDown]
    public void StopFakes()
    {
        Nuki.Dispose();
        Unifi.Dispose();
    }

    [TearDown]
    public void ResetFakes()
    {
        Nuki.IsDown = false;
        Unifi.IsDown = false;
        Nuki.ResponseDelay = TimeSpan.Zero;
        Unifi.ResponseDelay = TimeSpan.Zero;
        Nuki.PendingMode = NukiPendingMode.AfterListCalls;
    }

    [SetUp]
    public void AutoCompleteNukiCodes() => Nuki.PendingMode = NukiPendingMode.AfterListCalls;

    protected static string NewToken() => "tok-" + Guid.NewGuid().ToString("N");

    protected static object UnifiBody(string url, string token) => new { url, api_token = token, accept_self_signed_certificate = false };

    protected static Task<Guid> NewPropertyAsync(TestUser owner, string name = "Casa Azul") => owner.CreatePropertyAsync(PropertyRequests.Full(name));

    /// <summary>A new Nuki smartlock on the fake under a new token; returns token and smartlock id.</summary>
    protected (string Token, FakeNukiSmartlock Smartlock) NewNukiLock(string name = "Front door")
    {
        var token = NewToken();
        return (token, Nuki.AddSmartlock(token, Interlocked.Increment(ref _nextSmartlockId), name));
    }

    protected static async Task<Guid> ConnectAsync(TestUser owner, string type, object body) =>
        Guid.Parse((await (await owner.Client.PostJsonAsync($"/integrations/{type}", body)).ShouldBeAsync(HttpStatusCode.Created))["id"]!.GetValue<string>());

    protected static async Task<Guid> AssignAsync(TestUser owner, Guid propertyId, Guid integrationId, string externalId) =>
        Guid.Parse((await (await owner.Client.PostJsonAsync($"/properties/{propertyId}/smart-locks",
            new { integration_id = integrationId, external_id = externalId })).ShouldBeAsync(HttpStatusCode.Created))["id"]!.GetValue<string>());

    /// <summary>A new owner and property with one Nuki smartlock assigned.</summary>
    protected async Task<(LockedProperty Property, FakeNukiSmartlock Smartlock)> NukiPropertyAsync(TestUser? owner = null)
    {
        owner ??= await RegisterAsync();
        var propertyId = await NewPropertyAsync(owner);
        var (token, smartlock) = NewNukiLock();
        var integrationId = await ConnectAsync(owner, "nuki", new { api_token = token });
        var externalId = smartlock.SmartlockId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lockId = await AssignAsync(owner, propertyId, integrationId, externalId);
        return (new LockedProperty(owner, propertyId, integrationId, lockId, externalId, token), smartlock);
    }

    /// <summary>A UniFi door of a new token-based integration of <paramref name="owner"/>, assigned to the property.</summary>
    protected async Task<(Guid LockId, FakeUnifiDoor Door)> AddUnifiDoorAsync(TestUser owner, Guid propertyId, string name = "Back door")
    {
        var token = NewToken();
        Unifi.AddApiToken(token);
        var door = Unifi.AddDoor(name);
        var integrationId = await ConnectAsync(owner, "unifi", UnifiBody(Unifi.Url, token));
        return (await AssignAsync(owner, propertyId, integrationId, door.Id), door);
    }

    protected static async Task<JsonArray> GetArrayAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the body was: {0}", body);
        return JsonNode.Parse(body)!.AsArray();
    }

    protected Task<JsonArray> CodesAsync(TestUser owner, Guid bookingId) => GetArrayAsync(owner.Client, $"/bookings/{bookingId}/accesscode");

    protected async Task AdvanceAndRunJobsAsync(TimeSpan by)
    {
        Api.Clock.Advance(by);
        await Api.RunDueJobsAsync();
    }

    /// <summary>Moves the clock to <paramref name="utc"/> (never backwards) and runs what is due.</summary>
    protected async Task AdvanceToAsync(DateTime utc)
    {
        var by = utc - Api.Clock.GetUtcNow().UtcDateTime;
        if (by > TimeSpan.Zero) Api.Clock.Advance(by);
        await Api.RunDueJobsAsync();
    }

    protected Task<List<string>> ActivityKindsAsync(Guid propertyId) =>
        Api.WithDbAsync(db => Task.FromResult(db.Activities.Where(a => a.PropertyId == propertyId).OrderBy(a => a.At).Select(a => a.Kind).ToList()));
}
