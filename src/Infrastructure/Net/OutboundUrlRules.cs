using System.Net;
using System.Net.Sockets;

namespace Kasify.Infrastructure.Net;

/// <summary>
/// Save-time check of a user-given URL (http/https, public address), so a bad one is a 400 before any connection.
/// The connector checks again at connect time (<see cref="GuardedConnector"/>), so this one may be lenient.
/// </summary>
internal static class OutboundUrlRules
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(2);

    /// <returns>null when acceptable, else the reason (naming <paramref name="what"/>, never a resolved address).</returns>
    public static async Task<string?> CheckAsync(string url, string what, bool allowPrivate, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"The {what} must be an absolute URL.";
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"The {what} must use http or https.";
        }

        if (allowPrivate)
        {
            return null;
        }

        var host = uri.IdnHost.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await TryResolveAsync(host, ct);
        return addresses.Any(OutboundAddresses.IsPrivate)
            ? $"The {what} points to a loopback, private, link-local or otherwise non-public address."
            : null;
    }

    // Unresolvable or slow hosts are accepted: the host may be down right now and the connector checks again anyway.
    private static async Task<IPAddress[]> TryResolveAsync(string host, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ResolveTimeout);
        try
        {
            return await Dns.GetHostAddressesAsync(host, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException
                                   || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return [];
        }
    }
}
