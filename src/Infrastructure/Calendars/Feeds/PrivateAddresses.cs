using System.Net;
using System.Net.Sockets;

namespace Kasify.Infrastructure.Calendars.Feeds;

/// <summary>Addresses a calendar feed must never reach unless private addresses are allowed.</summary>
internal static class PrivateAddresses
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
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 169 && b[1] == 254) // link-local, includes cloud metadata 169.254.169.254
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127); // carrier-grade NAT, internal in most clouds

    private static bool IsPrivateIPv6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return address.Equals(IPAddress.IPv6Any) // ::
            || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal
            || (b[0] & 0xFE) == 0xFC; // unique local fc00::/7
    }
}
