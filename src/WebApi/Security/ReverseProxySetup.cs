using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Kasify.WebApi.Security;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, honoured only from the proxies listed in
/// <c>ReverseProxy:KnownProxies</c> (addresses) and <c>ReverseProxy:KnownNetworks</c> (CIDR): with them, rate limits
/// see each client's own address and HTTPS-only cookies stay Secure. Without them the headers are ignored, so nobody can
/// forge an address. The <c>Host</c> header is never trusted for URLs: set <c>PublicBaseUrl</c>.
/// </summary>
public static class ReverseProxySetup
{
    public const string SectionName = "ReverseProxy";

    public static bool IsConfigured(IConfiguration configuration) =>
        Values(configuration, "KnownProxies").Any() || Values(configuration, "KnownNetworks").Any();

    public static IServiceCollection AddKasifyReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration, "KnownProxies").Select(p => Parse<IPAddress?>(p, IPAddress.TryParse, "KnownProxies")!).ToList();
        var networks = Values(configuration, "KnownNetworks")
            .Select(n => Parse<System.Net.IPNetwork>(n, System.Net.IPNetwork.TryParse, "KnownNetworks")).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = null; // walk back through every known proxy; the first unknown hop is the client
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static T Parse<T>(string text, TryParse<T> tryParse, string key) =>
        tryParse(text.Trim(), out var value)
            ? value
            : throw new InvalidOperationException($"{SectionName}:{key} has an entry that is not valid: '{text}'.");

    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection($"{SectionName}:{key}");
        // Either a list (KnownProxies:0, KnownProxies:1) or one comma-separated value (handy in environment variables).
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
