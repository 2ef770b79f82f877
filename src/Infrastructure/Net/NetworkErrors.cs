using System.Net.Http;

namespace Kasify.Infrastructure.Net;

/// <summary>
/// What went wrong on the network, in words that reveal nothing about it: the exception messages name addresses and
/// ports ("Connection refused (10.0.0.5:6379)"), which would turn every answer into a port scanner.
/// </summary>
internal static class NetworkErrors
{
    public static string Describe(HttpRequestException ex) => ex.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the host name could not be resolved",
        HttpRequestError.ConnectionError => "the connection could not be established",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed",
        HttpRequestError.ConfigurationLimitExceeded => "the answer was larger than allowed",
        HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded => "the server sent an invalid or incomplete answer",
        _ => "the request failed",
    };
}
