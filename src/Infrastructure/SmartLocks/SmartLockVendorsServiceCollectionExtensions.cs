using Kasify.Application.SmartLocks.Vendors;
using Kasify.Infrastructure.SmartLocks.Nuki;
using Kasify.Infrastructure.SmartLocks.Unifi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kasify.Infrastructure.SmartLocks;

public static class SmartLockVendorsServiceCollectionExtensions
{
    // Config keys: SmartLocks:Nuki:BaseUrl (default https://api.nuki.io), SmartLocks:Nuki:Timeout (00:00:10),
    // SmartLocks:Unifi:Timeout (00:00:10), SmartLocks:Unifi:PinAttempts (5),
    // SmartLocks:Unifi:MintedTokenName (kasify), SmartLocks:Unifi:MintedTokenValidityPeriod (365).
    // UniFi's URL is per integration (UnifiCredentials.BaseUrl).
    public static IServiceCollection AddSmartLockVendors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NukiOptions>().Bind(configuration.GetSection(NukiOptions.SectionName));
        services.AddOptions<UnifiOptions>().Bind(configuration.GetSection(UnifiOptions.SectionName));

        // No automatic retries: Nuki creates are not idempotent (no id comes back), so callers decide.
        services.AddHttpClient(NukiApiClient.HttpClientName, (provider, client) =>
        {
            var options = provider.GetRequiredService<IOptions<NukiOptions>>().Value;
            client.BaseAddress = WithTrailingSlash(options.BaseUrl);
            client.Timeout = options.Timeout;
        });

        services.AddHttpClient(UnifiHttpClients.Strict, ConfigureUnifiClient)
            .ConfigurePrimaryHttpMessageHandler(() => CreateUnifiHandler(acceptAnyCertificate: false));

        // Consoles ship a self-generated certificate; only hosts who opt in get this client.
        services.AddHttpClient(UnifiHttpClients.AcceptSelfSigned, ConfigureUnifiClient)
            .ConfigurePrimaryHttpMessageHandler(() => CreateUnifiHandler(acceptAnyCertificate: true));

        services.AddSingleton<NukiApiClient>();
        services.AddSingleton<UnifiSessionTokenProvider>();
        services.AddSingleton<UnifiApiClient>();
        services.AddSingleton<ISmartLockVendor, NukiSmartLockVendor>();
        services.AddSingleton<ISmartLockVendor, UnifiSmartLockVendor>();
        services.AddSingleton<ISmartLockVendorRegistry, SmartLockVendorRegistry>();
        return services;
    }

    private static void ConfigureUnifiClient(IServiceProvider provider, HttpClient client) =>
        client.Timeout = provider.GetRequiredService<IOptions<UnifiOptions>>().Value.Timeout;

    // Cookies are handled by hand: pooled handlers are shared, a CookieContainer would mix consoles' sessions.
    private static SocketsHttpHandler CreateUnifiHandler(bool acceptAnyCertificate)
    {
        var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false };
        if (acceptAnyCertificate)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        return handler;
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
