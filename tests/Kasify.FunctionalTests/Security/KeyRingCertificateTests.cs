using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kasify.Application.Security;
using Kasify.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.FunctionalTests.Security;

/// <summary>With a certificate configured, the key ring is stored encrypted and secrets still round-trip, across restarts.</summary>
public sealed class KeyRingCertificateTests : ApiFixture
{
    private const string Password = "test-pfx-password";
    private static readonly Lazy<string> CertificatePath = new(() => KeyRingCertificates.Create(Password));

    private static Dictionary<string, string?> CertificateSettings => new()
    {
        ["DataProtection:Certificate:Path"] = CertificatePath.Value,
        ["DataProtection:Certificate:Password"] = Password,
    };

    protected override IDictionary<string, string?> Settings => CertificateSettings;

    [OneTimeTearDown]
    public void DeleteCertificate()
    {
        if (CertificatePath.IsValueCreated) File.Delete(CertificatePath.Value);
    }

    private async Task OpenDashboardAsync()
    {
        var admin = await RegisterAsync(admin: true);
        var link = await (await admin.Client.PostAsync("/admin/dashboard-sessions", null)).ShouldBeAsync(HttpStatusCode.Created);
        var browser = Api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await browser.GetAsync(link["url"]!.GetValue<string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await browser.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_stored_key_is_encrypted_with_the_certificate_and_protected_links_still_work()
    {
        await OpenDashboardAsync();

        var keys = await Api.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());

        keys.Should().NotBeEmpty();
        keys.Should().AllSatisfy(xml =>
        {
            xml.Should().Contain("encryptedSecret").And.Contain("X509Data");
            xml.Should().NotContain("<masterKey");
        });
    }

    [Test]
    public async Task A_secret_protected_before_a_restart_is_read_after_it_with_the_same_certificate()
    {
        await OpenDashboardAsync(); // makes sure a key exists in the database
        var protectedText = Api.Services.GetRequiredService<ISecretProtector>().Protect("nuki-api-token");

        await using var restarted = new KasifyApiFactory(Api.DatabasePath, Api.Clock, CertificateSettings);

        restarted.Services.GetRequiredService<ISecretProtector>().Unprotect(protectedText).Should().Be("nuki-api-token");
    }

    [Test]
    public async Task Without_the_certificate_a_copy_of_the_database_cannot_read_the_secrets()
    {
        await OpenDashboardAsync();
        var protectedText = Api.Services.GetRequiredService<ISecretProtector>().Protect("nuki-api-token");

        await using var thief = new KasifyApiFactory(Api.DatabasePath, Api.Clock);

        var read = () => thief.Services.GetRequiredService<ISecretProtector>().Unprotect(protectedText);
        read.Should().Throw<CryptographicException>();
    }
}

internal static class KeyRingCertificates
{
    /// <summary>A self-signed RSA certificate with its private key, as a PKCS#12 file in the temp folder.</summary>
    public static string Create(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Kasify key ring (tests)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"kasify-keyring-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
