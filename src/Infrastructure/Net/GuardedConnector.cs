using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Kasify.Infrastructure.Net;

/// <summary>
/// ConnectCallback for SocketsHttpHandler: resolves the host itself, checks every address and connects to a checked
/// one, so a DNS answer that changes between validation and connection (DNS rebinding) cannot reach private hosts.
/// </summary>
internal static class GuardedConnector
{
    public static async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);

        if (!allowPrivate && addresses.Any(OutboundAddresses.IsPrivate))
        {
            throw new PrivateAddressRefusedException(host);
        }

        Exception? lastError = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (Exception ex) when (ex is SocketException or IOException)
            {
                socket.Dispose();
                lastError = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw lastError ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>A handler for user-given URLs: guarded connects, no proxy (it would connect on our behalf), no cookies.</summary>
    public static SocketsHttpHandler Handler(bool allowPrivate) => new()
    {
        UseCookies = false,
        UseProxy = false,
        ConnectCallback = (context, ct) => ConnectAsync(context, allowPrivate, ct),
    };
}
