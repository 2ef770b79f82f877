using Kasify.Application.SmartLocks.Vendors;
using Kasify.TestFakes.SmartLocks;

namespace Kasify.UnitTests.SmartLocks;

public class UnifiUsernamePasswordTests
{
    private const string Username = "kasify-admin";
    private const string Password = "S3cret-console-pass!";

    private FakeUnifi _unifi = null!;
    private SmartLockVendorsTestHost _host = null!;
    private ISmartLockVendor _vendor = null!;
    private UnifiCredentials _credentials = null!;

    [SetUp]
    public void SetUp()
    {
        _unifi = new FakeUnifi();
        _unifi.AddAdmin(Username, Password);
        _unifi.AddDoor("Front door");
        _credentials = new UnifiCredentials(_unifi.BaseUri, null, Username, Password, AcceptSelfSignedCertificate: false);
        _host = SmartLockVendorsTestHost.Create();
        _vendor = _host.Unifi;
    }

    [TearDown]
    public void TearDown()
    {
        _host.Dispose();
        _unifi.Dispose();
    }

    [Test]
    public async Task Logging_in_mints_a_developer_token_that_is_then_used_as_bearer()
    {
        var result = await _vendor.ValidateAsync(_credentials);

        result.Status.Should().Be(VendorValidationStatus.Ok);
        var minted = _unifi.MintedTokens.Should().ContainSingle().Subject;
        var mint = _unifi.Requests.Single(r => r.Path == "/proxy/access/api/v1/developer/tokens");
        mint.Header("cookie").Should().StartWith("TOKEN=");
        mint.Header("x-csrf-token").Should().NotBeNullOrEmpty();
        _unifi.Requests.Should().Contain(r => r.Path == "/api/v1/developer/doors" && r.Authorization == $"Bearer {minted}");
    }

    [Test]
    public async Task The_minted_token_is_reused_instead_of_logging_in_on_every_call()
    {
        await _vendor.ListDevicesAsync(_credentials);
        await _vendor.ListDevicesAsync(_credentials);

        _unifi.LoginCount.Should().Be(1);
    }

    [Test]
    public async Task A_refused_minted_token_leads_to_exactly_one_new_login()
    {
        await _vendor.ListDevicesAsync(_credentials);
        _unifi.RevokeMintedTokens();

        var devices = await _vendor.ListDevicesAsync(_credentials);

        devices.Should().ContainSingle();
        _unifi.LoginCount.Should().Be(2);
    }

    [Test]
    public async Task The_older_x_csrf_token_response_header_works_too()
    {
        _unifi.CsrfResponseHeader = "X-CSRF-Token";

        var result = await _vendor.ValidateAsync(_credentials);

        result.Status.Should().Be(VendorValidationStatus.Ok);
    }

    [Test]
    public async Task A_wrong_password_is_rejected()
    {
        var result = await _vendor.ValidateAsync(_credentials with { Password = "wrong" });

        result.Status.Should().Be(VendorValidationStatus.Rejected);
        result.Reason.Should().Contain("username or password");
    }

    [Test]
    public async Task Codes_can_be_created_through_a_username_and_password_integration()
    {
        var door = _unifi.AddDoor("Back door");
        var request = new AccessCodeRequest(
            "K-booking-9", "246810", DateTimeOffset.UnixEpoch.AddDays(20000), DateTimeOffset.UnixEpoch.AddDays(20003), "Ana", "García");

        var result = await _vendor.CreateCodeAsync(_credentials, door.Id, request);

        result.Should().BeOfType<CodeCreateResult.Created>();
    }
}
