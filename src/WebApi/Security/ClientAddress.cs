using System.Net;
using System.Net.Sockets;

namespace Kasify.WebApi.Security;

/// <summary>How rate limits tell clients apart.</summary>
public static class ClientAddress
{
    /// <summary>
    /// An IPv4 client by its address; an IPv6 client by its /64, because one subscriber usually holds a whole /64 and
    /// could otherwise take a fresh bucket per address.
    /// </summary>
    public static string PartitionKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
