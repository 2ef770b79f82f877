using System.Security.Cryptography.X509Certificates;
using Kasify.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Infrastructure.Security;

/// <summary>
/// The Data Protection key ring lives in the database (every instance shares it). With
/// <c>DataProtection:Certificate:Path</c> (a PKCS#12 file) and <c>:Password</c>, each key is encrypted with that
/// certificate before it is stored, so a copy of the database alone does not reveal the secrets it protects.
/// <c>DataProtection:PreviousCertificates:N:Path/Password</c> still decrypt keys stored under a certificate being
/// rotated out. See docs/security.md.
/// </summary>
public static class DataProtectionSetup
{
    public const string SectionName = "DataProtection";

    public static bool IsKeyRingProtected(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{SectionName}:Certificate:Path"]);

    public static IServiceCollection AddKasifyDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection().SetApplicationName("Kasify").PersistKeysToDbContext<KasifyDbContext>();
        if (!IsKeyRingProtected(configuration)) return services;

        builder.ProtectKeysWithCertificate(Load(configuration.GetSection($"{SectionName}:Certificate")));
        var previous = configuration.GetSection($"{SectionName}:PreviousCertificates").GetChildren().Select(Load).ToArray();
        if (previous.Length > 0) builder.UnprotectKeysWithAnyCertificate(previous);
        return services;
    }

    private static X509Certificate2 Load(IConfigurationSection section)
    {
        var path = section["Path"];
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
            throw new InvalidOperationException($"{section.Path}:Path must name an existing PKCS#12 (.pfx) certificate file.");
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["Password"], X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"The certificate at {section.Path}:Path has no private key, so it could not decrypt the key ring.");
        return certificate;
    }
}
