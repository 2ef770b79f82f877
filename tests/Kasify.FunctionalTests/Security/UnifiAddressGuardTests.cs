using System.Net;
using Kasify.Application.Integrations;
using Kasify.Application.SmartLocks.Vendors;
using Kasify.Domain.Integrations;
using Kasify.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Kasify.TestFakes.SmartLocks;
using Microsoft.EntityFrameworkCore;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Kasify.FunctionalTests.Security;

/// <summary>
/// Issue 10, item 3: a UniFi URL is a server-side request to wherever a user says. By default non-public addresses
/// are refused before any connection; answers never reveal network details; a console's answer is size-capped.
/// </summary>
public sealed class UnifiAddressGuardTests : ApiFixture
{
    private readonly FakeUnifi _unifi = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SmartLocks:AllowPrivateAddresses"] = "false",
        ["SmartLocks:Unifi:Timeout"] = "00:00:03",
    };

    [OneTimeTearDown]
    public void StopFake() => _unifi.Dispose();

    private static object Body(string url) => new { url, api_token = "tok-guard", accept_self_signed_certificate = false };

    [TestCase("http://127.0.0.1:{port}")]
    [TestCase("http://localhost:{port}")]
    [TestCase("http://10.0.0.5:6379")]
    [TestCase("http://192.168.1.1")]
    [TestCase("http://169.254.169.254")]
    [TestCase("http://100.64.0.1")]
    [TestCase("http://[::1]:{port}")]
    [TestCase("http://[64:ff9b::a00:5]")]
    public async Task A_console_url_on_a_non_public_address_is_a_400_before_any_connection(string template)
    {
        var owner = await RegisterAsync();
        _unifi.AddApiToken("tok-guard");
        var url = template.Replace("{port}", _unifi.BaseUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var before = _unifi.Requests.Count;

        var problem = await (await owner.Client.PostJsonAsync("/integrations/unifi", Body(url))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Should().ContainKey("url");
        problem.ToJsonString().Should().Contain("SmartLocks:AllowPrivateAddresses").And.NotContain("6379");
        _unifi.Requests.Count.Should().Be(before, "nothing may reach the address");
        (await Api.WithDbAsync(db => db.Integrations.CountAsync(i => i.AccountId == owner.AccountId))).Should().Be(0);
    }

    [Test]
    public async Task Replacing_the_url_of_an_integration_is_guarded_too()
    {
        var owner = await RegisterAsync();
        var id = await Api.WithDbAsync(async db =>
        {
            await using var scope = Api.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<SmartLockCredentialStore>();
            var credentials = new UnifiCredentials(new Uri("https://unifi.example.test"), "tok", null, null, false);
            var integration = Integration.Create(owner.AccountId, "unifi", "Console", "{}", store.Protect(credentials), Api.Clock.GetUtcNow().UtcDateTime);
            db.Integrations.Add(integration);
            await db.SaveChangesAsync();
            return integration.Id;
        });

        var problem = await (await owner.Client.PutJsonAsync($"/integrations/unifi/{id}", Body("http://10.1.2.3")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Should().ContainKey("url");
    }

    private static async Task<HttpResponseMessage> PostAllowedAsync(KasifyApiFactory api, string url)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Mint("lan-" + Guid.NewGuid().ToString("N")[..8], "lan@example.test"));
        (await client.PostAsync("/auth/register", null)).EnsureSuccessStatusCode();
        return await client.PostJsonAsync("/integrations/unifi", Body(url));
    }

    [Test]
    public async Task With_the_opt_in_an_unreachable_console_is_a_503_that_names_no_address_or_port()
    {
        await using var lan = new KasifyApiFactory(KasifyApiFactory.NewDatabasePath(),
            settings: new Dictionary<string, string?> { ["SmartLocks:AllowPrivateAddresses"] = "true", ["SmartLocks:Unifi:Timeout"] = "00:00:03" });
        try
        {
            var problem = await (await PostAllowedAsync(lan, "http://127.0.0.1:1")).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);

            problem["detail"]!.GetValue<string>().Should().NotContain("127.0.0.1").And.NotContain(":1").And.NotContain("refused (");
        }
        finally
        {
            lan.DeleteDatabase();
        }
    }

    [Test]
    public async Task A_hostile_console_answering_megabytes_is_cut_off_and_nothing_is_saved()
    {
        using var hostile = WireMockServer.Start();
        var huge = "{\"code\":\"SUCCESS\",\"data\":[" + string.Join(",", Enumerable.Repeat("{\"id\":\"d\",\"name\":\"door\",\"full_name\":\"door\"}", 60_000)) + "]}";
        hostile.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(huge));
        await using var lan = new KasifyApiFactory(KasifyApiFactory.NewDatabasePath(),
            settings: new Dictionary<string, string?> { ["SmartLocks:AllowPrivateAddresses"] = "true" });
        try
        {
            var response = await PostAllowedAsync(lan, hostile.Urls[0]);

            huge.Length.Should().BeGreaterThan(2_000_000);
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            problem["detail"]!.GetValue<string>().Should().Contain("larger than allowed");
            (await lan.WithDbAsync(db => db.Integrations.CountAsync())).Should().Be(0);
        }
        finally
        {
            lan.DeleteDatabase();
        }
    }
}
