using System.Security.Authentication;
using Kasify.Application.SmartLocks.Vendors;
using Kasify.Infrastructure.Net;

namespace Kasify.Infrastructure.SmartLocks;

// Turns transport failures into VendorException so callers only ever see one error type.
internal static class VendorHttp
{
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpRequestMessage request, string vendor, string vendorDisplayName, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VendorException(vendor, VendorErrorKind.Transient, $"{vendorDisplayName} did not answer in time.", ex);
        }
        catch (HttpRequestException ex) when (ex.InnerException is AuthenticationException)
        {
            throw new VendorException(
                vendor,
                VendorErrorKind.Rejected,
                $"The TLS certificate of {vendorDisplayName} is not trusted. Enable 'accept self-signed certificate' if this is your own console.",
                ex);
        }
        catch (HttpRequestException ex) when (PrivateAddressRefusedException.FindIn(ex) is not null)
        {
            throw new VendorException(vendor, VendorErrorKind.Rejected,
                $"{vendorDisplayName} is on a loopback, private or otherwise non-public address, which this server does not contact.", ex);
        }
        catch (HttpRequestException ex)
        {
            // Never ex.Message: it names addresses and ports, and the reason reaches the API caller.
            throw new VendorException(vendor, VendorErrorKind.Transient, $"Could not reach {vendorDisplayName}: {NetworkErrors.Describe(ex)}.", ex);
        }
    }

    public static VendorErrorKind KindForStatus(int status) => status switch
    {
        401 or 403 => VendorErrorKind.Unauthorized,
        404 => VendorErrorKind.NotFound,
        408 or 429 or >= 500 => VendorErrorKind.Transient,
        _ => VendorErrorKind.Rejected,
    };

    public static T Expect<T>(IntegrationCredentials credentials, string vendor)
        where T : IntegrationCredentials =>
        credentials as T
        ?? throw new ArgumentException($"The {vendor} vendor needs {typeof(T).Name}, got {credentials.GetType().Name}.", nameof(credentials));
}
