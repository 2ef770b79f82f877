using System.Net;
using System.Net.Sockets;

namespace Kasify.Infrastructure.Net;

/// <summary>
/// The one address guard of every server-side request to a URL a user gave us (calendar feeds, UniFi consoles):
/// anything that is not a public unicast address is refused unless the deployment opted in.
/// </summary>
internal static class OutboundAddresses
{
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPrivateIPv4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPrivateIPv6(address),
            _ => true,
        };
    }

    private static bool IsPrivateIPv4(byte[] b) =>
        b[0] == 0 // "this network", 0.0.0.0 reaches the local host on Linux
        || b[0] == 10
        || b[0] == 127
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 169 && b[1] == 254) // link-local, includes cloud metadata 169.254.169.254
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT, internal in most clouds
        || (b[0] == 192 && b[1] == 0 && b[2] == 0) // IETF protocol assignments
        || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) // benchmarking, used inside some networks
        || b[0] >= 224; // multicast, reserved, broadcast

    private static bool IsPrivateIPv6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return address.Equals(IPAddress.IPv6Any) // ::
            || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast
            || (b[0] & 0xFE) == 0xFC // unique local fc00::/7
            || IsNat64(b) // 64:ff9b::/96 reaches any IPv4 host through a NAT64 gateway, private ones included
            || IsSixToFour(b); // 2002::/16 (6to4) tunnels to an embedded IPv4 address, private ones included
    }

    private static bool IsNat64(byte[] b) =>
        b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.Skip(4).Take(8).All(x => x == 0);

    private static bool IsSixToFour(byte[] b) => b[0] == 0x20 && b[1] == 0x02;
}
