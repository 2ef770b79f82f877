using Kasify.Application.SmartLocks.Vendors;
using Kasify.TestFakes.SmartLocks;

namespace Kasify.UnitTests.SmartLocks;

// FakeUnifi over HTTPS serves WireMock's own untrusted certificate, like a console's self-generated one.
public class UnifiSelfSignedCertificateTests
{
    private const string Token = "unifi-tls-token";

    private FakeUnifi _unifi = null!;
    private SmartLockVendorsTestHost _host = null!;

    [SetUp]
    public void SetUp()
    {
        _unifi = new FakeUnifi(useHttps: true);
        _unifi.AddApiToken(Token);
        _unifi.AddDoor("Front door");
        _host = SmartLockVendorsTestHost.Create();
    }

    [TearDown]
    public void TearDown()
    {
        _host.Dispose();
        _unifi.Dispose();
    }

    [Test]
    public async Task An_untrusted_console_certificate_is_refused_without_the_opt_in()
    {
        var result = await _host.Unifi.ValidateAsync(new UnifiCredentials(_unifi.BaseUri, Token, null, null, AcceptSelfSignedCertificate: false));

        result.Status.Should().Be(VendorValidationStatus.Rejected);
        result.Reason.Should().Contain("certificate");
        _unifi.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task An_untrusted_console_certificate_is_accepted_with_the_opt_in()
    {
        var result = await _host.Unifi.ValidateAsync(new UnifiCredentials(_unifi.BaseUri, Token, null, null, AcceptSelfSignedCertificate: true));

        result.Status.Should().Be(VendorValidationStatus.Ok);
    }
}
