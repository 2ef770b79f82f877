using System.Net;

namespace Kasify.Infrastructure.Calendars.Feeds;

/// <summary>Checks a feed URL when it is saved. The fetcher enforces the address rule again at connect time.</summary>
public static class FeedUrlRules
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(2);

    public static bool Validate(string url, bool allowPrivate, out string? error)
    {
        error = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            error = "The calendar URL must be an absolute URL.";
            return false;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            error = "The calendar URL must use http or https.";
            return false;
        }

        if (allowPrivate)
        {
            return true;
        }

        var host = uri.IdnHost.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : TryResolve(host);
        if (addresses.FirstOrDefault(PrivateAddresses.IsPrivate) is { } refused)
        {
            error = $"The calendar URL points to a loopback, private or link-local address ({refused}).";
            return false;
        }

        return true;
    }

    // Unresolvable or slow hosts are accepted: the feed may be temporarily down and the fetcher checks again anyway.
    private static IPAddress[] TryResolve(string host)
    {
        try
        {
            var lookup = Dns.GetHostAddressesAsync(host);
            return lookup.Wait(ResolveTimeout) ? lookup.Result : [];
        }
        catch (AggregateException)
        {
            return [];
        }
    }
}
