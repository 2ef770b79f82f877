using System.Net;

namespace Kasify.Infrastructure.Calendars.Feeds;

internal sealed class PrivateAddressRefusedException(string host, IPAddress address)
    : Exception($"{host} resolves to {address}, a loopback, private or link-local address")
{
}
