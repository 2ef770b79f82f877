using Kasify.Application.SmartLocks.Vendors;
using Kasify.Infrastructure.Net;
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
    // UniFi's URL is per integration (UnifiCredentials.BaseUrl), so it goes through the outbound address guard unless
    // SmartLocks:AllowPrivateAddresses (false) is set: a self-hosted install on the console's LAN.
    public const string AllowPrivateAddressesKey = "SmartLocks:AllowPrivateAddresses";

    /// <summary>Vendor answers are small JSON documents; a hostile console must not make us buffer more.</summary>
    public const long MaxVendorResponseBytes = 1024 * 1024;

    public static IServiceCollection AddSmartLockVendors(this IServiceCollection services, IConfiguration configuration)
    {
        var allowPrivate = configuration.GetValue<bool>(AllowPrivateAddressesKey);
        services.AddSingleton(new SmartLockNetworkSettings(allowPrivate));
        services.AddSingleton<ISmartLockUrlPolicy, SmartLockUrlPolicy>();
        services.AddOptions<NukiOptions>().Bind(configuration.GetSection(NukiOptions.SectionName));
        services.AddOptions<UnifiOptions>().Bind(configuration.GetSection(UnifiOptions.SectionName));

        // No automatic retries: Nuki creates are not idempotent (no id comes back), so callers decide.
        services.AddHttpClient(NukiApiClient.HttpClientName, (provider, client) =>
        {
            var options = provider.GetRequiredService<IOptions<NukiOptions>>().Value;
            client.BaseAddress = WithTrailingSlash(options.BaseUrl);
            client.Timeout = options.Timeout;
            client.MaxResponseContentBufferSize = MaxVendorResponseBytes;
        });

        services.AddHttpClient(UnifiHttpClients.Strict, ConfigureUnifiClient)
            .ConfigurePrimaryHttpMessageHandler(() => CreateUnifiHandler(acceptAnyCertificate: false, allowPrivate));

        // Consoles ship a self-generated certificate; only hosts who opt in get this client.
        services.AddHttpClient(UnifiHttpClients.AcceptSelfSigned, ConfigureUnifiClient)
            .ConfigurePrimaryHttpMessageHandler(() => CreateUnifiHandler(acceptAnyCertificate: true, allowPrivate));

        services.AddSingleton<NukiApiClient>();
        services.AddSingleton<UnifiSessionTokenProvider>();
        services.AddSingleton<UnifiApiClient>();
        services.AddSingleton<ISmartLockVendor, NukiSmartLockVendor>();
        services.AddSingleton<ISmartLockVendor, UnifiSmartLockVendor>();
        services.AddSingleton<ISmartLockVendorRegistry, SmartLockVendorRegistry>();
        return services;
    }

    private static void ConfigureUnifiClient(IServiceProvider provider, HttpClient client)
    {
        client.Timeout = provider.GetRequiredService<IOptions<UnifiOptions>>().Value.Timeout;
        client.MaxResponseContentBufferSize = MaxVendorResponseBytes;
    }

    // Cookies are handled by hand: pooled handlers are shared, a CookieContainer would mix consoles' sessions.
    // Connects only to checked addresses (DNS rebinding), like the calendar feeds.
    private static SocketsHttpHandler CreateUnifiHandler(bool acceptAnyCertificate, bool allowPrivate)
    {
        var handler = GuardedConnector.Handler(allowPrivate);
        handler.AllowAutoRedirect = false;
        if (acceptAnyCertificate)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        return handler;
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
