namespace Kasify.Infrastructure.Net;

/// <summary>The connector refused a non-public address. The message names the host, never what it resolved to.</summary>
internal sealed class PrivateAddressRefusedException(string host)
    : Exception($"{host} is a loopback, private, link-local or otherwise non-public address")
{
    public static PrivateAddressRefusedException? FindIn(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is PrivateAddressRefusedException refusal)
            {
                return refusal;
            }
        }

        return null;
    }
}
