using System.Net;
using Kasify.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kasify.FunctionalTests.Security;

/// <summary>Behind a trusted reverse proxy each client is itself: its own rate-limit bucket, its own scheme.</summary>
public sealed class ReverseProxyTests : ApiFixture
{
    private const string Proxy = "10.0.0.1";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ReverseProxy:KnownProxies:0"] = Proxy,
        ["ReverseProxy:KnownNetworks:0"] = "172.16.0.0/12",
        ["RateLimits:Checkin"] = "2",
    };

    private Task<HttpContext> SendAsync(string path, string remote, string? forwardedFor = null, string? forwardedProto = null) =>
        Api.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            var query = path.IndexOf('?');
            c.Request.Path = query < 0 ? path : path[..query];
            if (query >= 0) c.Request.QueryString = new QueryString(path[query..]);
            c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            if (forwardedFor is not null) c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            if (forwardedProto is not null) c.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
        });

    /// <summary>For each of <paramref name="count"/> check-in look-ups: was it refused by the rate limit?</summary>
    private async Task<List<bool>> CheckinLimitedAsync(int count, string remote, string? forwardedFor = null)
    {
        var path = $"/checkin/{Guid.NewGuid():N}";
        var limited = new List<bool>();
        for (var i = 0; i < count; i++) limited.Add((await SendAsync(path, remote, forwardedFor)).Response.StatusCode == 429);
        return limited;
    }

    [Test]
    public async Task Behind_a_known_proxy_one_client_cannot_use_up_another_clients_check_in_limit()
    {
        var first = await CheckinLimitedAsync(3, Proxy, "203.0.113.10");
        var second = await CheckinLimitedAsync(1, Proxy, "203.0.113.11");

        first.Should().Equal(false, false, true);
        second.Should().Equal(false);
    }

    [Test]
    public async Task A_proxy_in_a_known_network_is_trusted_too()
    {
        var first = await CheckinLimitedAsync(3, "172.20.1.1", "198.51.100.20");
        var second = await CheckinLimitedAsync(1, "172.20.1.1", "198.51.100.21");

        first.Should().Equal(false, false, true);
        second.Should().Equal(false);
    }

    [Test]
    public async Task Forwarded_addresses_from_an_unknown_sender_are_ignored()
    {
        var first = await CheckinLimitedAsync(2, "192.0.2.50", "203.0.113.30");
        var forged = await CheckinLimitedAsync(1, "192.0.2.50", "203.0.113.31");

        first.Should().Equal(false, false);
        forged.Should().Equal(true);
    }

    [Test]
    public async Task IPv6_clients_share_a_bucket_per_64_bit_prefix()
    {
        var first = await CheckinLimitedAsync(2, "2001:db8:1:1::1");
        var samePrefix = await CheckinLimitedAsync(1, "2001:db8:1:1:ffff::2");
        var otherPrefix = await CheckinLimitedAsync(1, "2001:db8:1:2::1");

        first.Should().Equal(false, false);
        samePrefix.Should().Equal(true);
        otherPrefix.Should().Equal(false);
    }

    [Test]
    public async Task The_dashboard_cookie_stays_secure_behind_a_TLS_terminating_proxy()
    {
        var admin = await RegisterAsync(admin: true);
        var link = await (await admin.Client.PostAsync("/admin/dashboard-sessions", null)).ShouldBeAsync(HttpStatusCode.Created);

        var login = await SendAsync(link["url"]!.GetValue<string>(), Proxy, "203.0.113.40", "https");

        login.Response.StatusCode.Should().Be(302);
        login.Response.Headers.SetCookie.ToString().Should().Contain("kasify_dashboard=").And.Contain("secure");
    }
}

public sealed class ProductionStartupTests
{
    private static KasifyApiFactory Production(IDictionary<string, string?> settings) =>
        new(KasifyApiFactory.NewDatabasePath(), settings: settings);

    private static async Task<List<string>> StartupWarningsAsync(IDictionary<string, string?> settings)
    {
        var api = Production(settings);
        var logs = new CapturedWarnings();
        await using (var production = api.WithWebHostBuilder(b => b.UseEnvironment("Production").ConfigureLogging(l => l.AddProvider(logs))))
            _ = production.Server;
        api.DeleteDatabase();
        return logs.Messages;
    }

    [Test]
    public async Task Production_warns_at_start_up_while_the_key_ring_is_unencrypted()
    {
        var warnings = await StartupWarningsAsync(new Dictionary<string, string?> { ["PublicBaseUrl"] = "https://kasify.example" });

        warnings.Should().ContainSingle(m => m.Contains("key ring is stored UNENCRYPTED"));
    }

    [Test]
    public async Task Production_does_not_warn_once_a_certificate_protects_the_key_ring()
    {
        var certificate = KeyRingCertificates.Create("pfx-password");
        try
        {
            var warnings = await StartupWarningsAsync(new Dictionary<string, string?>
            {
                ["PublicBaseUrl"] = "https://kasify.example",
                ["DataProtection:Certificate:Path"] = certificate,
                ["DataProtection:Certificate:Password"] = "pfx-password",
            });

            warnings.Should().NotContain(m => m.Contains("UNENCRYPTED"));
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    [Test]
    public async Task Production_refuses_to_start_without_a_public_base_url()
    {
        var api = Production(new Dictionary<string, string?>());
        await using var production = api.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var start = () => production.Server;

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("PublicBaseUrl is required"));
        api.DeleteDatabase();
    }

    [Test]
    public async Task Production_starts_when_a_public_base_url_is_set()
    {
        var api = Production(new Dictionary<string, string?> { ["PublicBaseUrl"] = "https://kasify.example" });
        await using var production = api.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var health = await production.CreateClient().GetAsync("/health/live");

        health.StatusCode.Should().Be(HttpStatusCode.OK);
        api.DeleteDatabase();
    }
}

internal sealed class CapturedWarnings : ILoggerProvider
{
    public List<string> Messages { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(CapturedWarnings owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            lock (owner.Messages) owner.Messages.Add(formatter(state, exception));
        }
    }
}
