namespace Kasify.Infrastructure.SmartLocks.Unifi;

// The host gives us one console URL. The documented developer API listens on 12445, the UniFi OS
// login (username/password) on the normal HTTPS port. An explicit port other than those is used for both
// (reverse proxies, test fakes).
internal static class UnifiEndpoints
{
    public const int DeveloperApiPort = 12445;
    public const string DeveloperApiPath = "api/v1/developer/";

    public static Uri DeveloperApiBase(Uri consoleUrl)
    {
        var builder = new UriBuilder(consoleUrl) { Path = "/", Query = string.Empty, Fragment = string.Empty };
        if (consoleUrl.IsDefaultPort)
        {
            builder.Port = DeveloperApiPort;
        }
        return new Uri(builder.Uri, DeveloperApiPath);
    }

    public static Uri ConsoleBase(Uri consoleUrl)
    {
        var builder = new UriBuilder(consoleUrl) { Path = "/", Query = string.Empty, Fragment = string.Empty };
        if (consoleUrl.Port == DeveloperApiPort)
        {
            builder.Port = -1;
        }
        return builder.Uri;
    }
}
