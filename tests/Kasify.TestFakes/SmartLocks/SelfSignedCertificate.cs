using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kasify.TestFakes.SmartLocks;

// A throw-away certificate for localhost that no client trusts, like a UniFi console's self-generated one.
internal static class SelfSignedCertificate
{
    public static X509Certificate2 CreateForLocalhost(TimeProvider time)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());

        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        // Re-import through PFX so Kestrel on Linux gets a usable private key.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }
}
