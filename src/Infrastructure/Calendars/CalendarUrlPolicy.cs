using System.Net;
using System.Net.Sockets;
using Kasify.Application.Calendars;
using Microsoft.Extensions.Configuration;

namespace Kasify.Infrastructure.Calendars;

/// <summary>
/// Save-time check of feed URLs: http/https only, and no loopback/private/link-local targets unless
/// <c>Calendars:AllowPrivateAddresses</c>. Host names are resolved; one that does not resolve is accepted
/// (the fetcher checks the address again at connect time, which also defeats DNS rebinding).
/// </summary>
internal sealed class CalendarUrlPolicy(IConfiguration configuration) : ICalendarUrlPolicy
{
    private bool AllowPrivate => configuration.GetValue("Calendars:AllowPrivateAddresses", false);

    public string? Check(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return "The calendar URL must be an absolute http or https URL.";
        if (AllowPrivate) return null;

        var addresses = IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) ? [literal] : Resolve(uri.IdnHost);
        return addresses.Any(IsPrivate) ? "The calendar URL points to a private or local network address." : null;
    }

    private static IPAddress[] Resolve(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return [IPAddress.Loopback];
        try
        {
            var lookup = Dns.GetHostAddressesAsync(host);
            return lookup.Wait(TimeSpan.FromSeconds(3)) ? lookup.Result : [];
        }
        catch (AggregateException e) when (e.InnerException is SocketException)
        {
            return [];
        }
    }

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (address.GetAddressBytes()[0] & 0xFE) == 0xFC;
        var b = address.GetAddressBytes();
        return b[0] == 10 || b[0] == 127 || b[0] == 0
               || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
               || (b[0] == 192 && b[1] == 168)
               || (b[0] == 169 && b[1] == 254)
               || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
    }
}
