using Kasify.Application.SmartLocks.Vendors;

namespace Kasify.Infrastructure.SmartLocks.Unifi;

// One named client per certificate policy, so the lenient handler is only used when the host opted in.
internal static class UnifiHttpClients
{
    public const string Strict = "SmartLocks.Unifi";
    public const string AcceptSelfSigned = "SmartLocks.Unifi.AcceptSelfSigned";

    public static HttpClient Create(IHttpClientFactory factory, UnifiCredentials credentials) =>
        factory.CreateClient(credentials.AcceptSelfSignedCertificate ? AcceptSelfSigned : Strict);
}
