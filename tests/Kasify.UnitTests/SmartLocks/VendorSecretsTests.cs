using Kasify.Application.SmartLocks.Vendors;
using Kasify.TestFakes.SmartLocks;

namespace Kasify.UnitTests.SmartLocks;

// Tokens and passwords must never reach exception messages (shown to hosts) or logs.
public class VendorSecretsTests
{
    private const string NukiToken = "nuki-secret-token-5d1e77";
    private const string UnifiToken = "unifi-secret-token-a9b8c7";
    private const string UnifiPassword = "unifi-secret-password-0f0f";

    [Test]
    public async Task A_rejected_nuki_token_appears_in_no_exception_or_log_line()
    {
        using var nuki = new FakeNuki();
        using var host = SmartLockVendorsTestHost.Create(nuki.Url);

        var act = () => host.Nuki.CreateCodeAsync(new NukiCredentials(NukiToken), "1", Request());

        var error = (await act.Should().ThrowAsync<VendorException>()).Which;
        error.Kind.Should().Be(VendorErrorKind.Unauthorized);
        error.ToString().Should().NotContain(NukiToken);
        host.Logs.Lines.Should().NotContain(line => line.Contains(NukiToken));
    }

    [Test]
    public async Task A_rejected_unifi_token_appears_in_no_exception_or_log_line()
    {
        using var unifi = new FakeUnifi();
        using var host = SmartLockVendorsTestHost.Create();
        var credentials = new UnifiCredentials(unifi.BaseUri, UnifiToken, null, null, false);

        var act = () => host.Unifi.ListDevicesAsync(credentials);

        (await act.Should().ThrowAsync<VendorException>()).Which.ToString().Should().NotContain(UnifiToken);
        host.Logs.Lines.Should().NotContain(line => line.Contains(UnifiToken));
    }

    [Test]
    public async Task A_rejected_unifi_password_appears_in_no_exception_or_log_line()
    {
        using var unifi = new FakeUnifi();
        using var host = SmartLockVendorsTestHost.Create();
        var credentials = new UnifiCredentials(unifi.BaseUri, null, "admin", UnifiPassword, false);

        var act = () => host.Unifi.ListDevicesAsync(credentials);

        (await act.Should().ThrowAsync<VendorException>()).Which.ToString().Should().NotContain(UnifiPassword);
        host.Logs.Lines.Should().NotContain(line => line.Contains(UnifiPassword));
    }

    [Test]
    public async Task A_working_unifi_login_logs_neither_the_password_nor_the_minted_token()
    {
        using var unifi = new FakeUnifi();
        unifi.AddAdmin("admin", UnifiPassword);
        unifi.AddDoor("Front door");
        using var host = SmartLockVendorsTestHost.Create();
        var credentials = new UnifiCredentials(unifi.BaseUri, null, "admin", UnifiPassword, false);

        await host.Unifi.CreateCodeAsync(credentials, unifi.AddDoor("Door").Id, Request());

        var minted = unifi.MintedTokens.Single();
        host.Logs.Lines.Should().NotContain(line => line.Contains(UnifiPassword) || line.Contains(minted) || line.Contains("482913"));
    }

    [Test]
    public void Credentials_and_requests_print_without_their_secrets()
    {
        var texts = new object[]
        {
            new NukiCredentials(NukiToken),
            new UnifiCredentials(new Uri("https://192.168.1.1"), UnifiToken, "admin", UnifiPassword, true),
            Request(),
            new CodeCreateResult.Created("visitor-1", "482913"),
            new CodeCreateResult.Pending("482913"),
        }.Select(o => o.ToString()!);

        texts.Should().AllSatisfy(text => text.Should()
            .NotContain(NukiToken).And.NotContain(UnifiToken).And.NotContain(UnifiPassword).And.NotContain("482913"));
    }

    private static AccessCodeRequest Request() => new(
        "K-booking-1",
        "482913",
        new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero),
        "Ana",
        "García");
}
