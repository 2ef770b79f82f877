using Kasify.Application.SmartLocks.Vendors;
using Kasify.TestFakes.SmartLocks;

namespace Kasify.UnitTests.SmartLocks;

/// <summary>
/// The UniFi client checks the address again when it connects, after the save-time check: a stored URL whose name now
/// resolves to a private address (DNS rebinding) is never reached.
/// </summary>
public sealed class UnifiConnectGuardTests
{
    [Test]
    public async Task A_console_on_loopback_is_not_contacted_without_the_opt_in()
    {
        using var unifi = new FakeUnifi();
        unifi.AddApiToken("tok");
        using var host = SmartLockVendorsTestHost.Create(allowPrivateAddresses: false);
        var credentials = new UnifiCredentials(new Uri(unifi.Url.Replace("127.0.0.1", "localhost")), "tok", null, null, false);

        var result = await host.Unifi.ValidateAsync(credentials);

        result.Status.Should().Be(VendorValidationStatus.Rejected);
        result.Reason.Should().Contain("non-public address").And.NotContain("127.0.0.1");
        unifi.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task The_same_console_is_reached_with_the_opt_in()
    {
        using var unifi = new FakeUnifi();
        unifi.AddApiToken("tok");
        using var host = SmartLockVendorsTestHost.Create(allowPrivateAddresses: true);

        var result = await host.Unifi.ValidateAsync(new UnifiCredentials(unifi.BaseUri, "tok", null, null, false));

        result.Status.Should().Be(VendorValidationStatus.Ok);
    }
}
