using System.Text.Json.Nodes;
using Kasify.Application.SmartLocks.Vendors;
using Kasify.TestFakes.SmartLocks;

namespace Kasify.UnitTests.SmartLocks;

public class NukiSmartLockVendorTests
{
    private const string Token = "nuki-test-token-3f9a";
    private const long LockId = 18298712180;
    private static readonly NukiCredentials Credentials = new(Token);

    private FakeNuki _nuki = null!;
    private SmartLockVendorsTestHost _host = null!;
    private ISmartLockVendor _vendor = null!;

    [SetUp]
    public void SetUp()
    {
        _nuki = new FakeNuki();
        _nuki.AddSmartlock(Token, LockId, "Front door");
        _host = SmartLockVendorsTestHost.Create(_nuki.Url);
        _vendor = _host.Nuki;
    }

    [TearDown]
    public void TearDown()
    {
        _host.Dispose();
        _nuki.Dispose();
    }

    [Test]
    public async Task Validation_accepts_a_token_that_can_list_smartlocks()
    {
        var result = await _vendor.ValidateAsync(Credentials);

        result.Status.Should().Be(VendorValidationStatus.Ok);
        _nuki.Requests.Should().ContainSingle(r => r.Path == "/smartlock" && r.Authorization == $"Bearer {Token}");
    }

    [Test]
    public async Task Validation_rejects_an_unknown_token()
    {
        var result = await _vendor.ValidateAsync(new NukiCredentials("wrong-token"));

        result.Status.Should().Be(VendorValidationStatus.Rejected);
        result.Reason.Should().Contain("401");
    }

    [Test]
    public async Task Validation_reports_unavailable_while_nuki_is_down()
    {
        _nuki.IsDown = true;

        var result = await _vendor.ValidateAsync(Credentials);

        result.Status.Should().Be(VendorValidationStatus.Unavailable);
    }

    [Test]
    public async Task Listing_maps_lock_state_door_state_battery_and_server_state()
    {
        var back = _nuki.AddSmartlock(Token, 42, "Back door");
        back.State = 3;
        back.DoorState = 3;
        back.BatteryCritical = true;
        back.ServerState = 4;
        _nuki.AddSmartlock("someone-else", 43, "Not ours");

        var devices = await _vendor.ListDevicesAsync(Credentials);

        devices.Should().HaveCount(2);
        devices.Should().ContainEquivalentOf(new VendorDevice(
            LockId.ToString(), "Front door", null, "smartlock3", Online: true, Locked: true, DoorOpen: false,
            BatteryCritical: false, RawState: "locked"));
        devices.Should().ContainEquivalentOf(new VendorDevice(
            "42", "Back door", null, "smartlock3", Online: false, Locked: false, DoorOpen: true,
            BatteryCritical: true, RawState: "unlocked"));
    }

    [Test]
    public async Task Device_status_of_an_unknown_lock_is_not_found()
    {
        var act = () => _vendor.GetDeviceStatusAsync(Credentials, "999");

        (await act.Should().ThrowAsync<VendorException>()).Which.Kind.Should().Be(VendorErrorKind.NotFound);
    }

    [Test]
    public async Task Creating_a_code_is_pending_until_nuki_has_reached_the_lock_and_then_found_by_name()
    {
        var result = await _vendor.CreateCodeAsync(Credentials, LockId.ToString(), Request("K-booking-1", "345678"));

        result.Should().BeOfType<CodeCreateResult.Pending>().Which.Pin.Should().Be("345678");
        (await _vendor.FindCodeAsync(Credentials, LockId.ToString(), "K-booking-1")).Should().BeNull();

        _nuki.CompletePendingAuths();
        var id = await _vendor.FindCodeAsync(Credentials, LockId.ToString(), "K-booking-1");

        id.Should().MatchRegex("^[0-9a-f]{24}$");
        _nuki.AuthsOn(LockId).Should().ContainSingle(a => a.Id == id && a.Code == 345678 && a.Type == 13);
    }

    [Test]
    public async Task Creating_a_code_sends_a_keypad_code_with_a_numeric_pin_and_utc_dates()
    {
        var request = Request("K-booking-1", "345678") with
        {
            ValidFromUtc = new DateTimeOffset(2026, 3, 1, 16, 0, 0, TimeSpan.FromHours(1)),
            ValidUntilUtc = new DateTimeOffset(2026, 3, 5, 11, 0, 0, TimeSpan.FromHours(1)),
        };

        await _vendor.CreateCodeAsync(Credentials, LockId.ToString(), request);

        var put = _nuki.Requests.Single(r => r.Method == "PUT");
        put.Path.Should().Be($"/smartlock/{LockId}/auth");
        var body = JsonNode.Parse(put.Body!)!.AsObject();
        body["type"]!.GetValue<int>().Should().Be(13);
        body["name"]!.GetValue<string>().Should().Be("K-booking-1");
        body["code"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.Number);
        body["code"]!.GetValue<int>().Should().Be(345678);
        body["allowedFromDate"]!.GetValue<string>().Should().Be("2026-03-01T15:00:00.000Z");
        body["allowedUntilDate"]!.GetValue<string>().Should().Be("2026-03-05T10:00:00.000Z");
        body["allowedWeekDays"]!.GetValue<int>().Should().Be(127);
        body["allowedFromTime"]!.GetValue<int>().Should().Be(0);
        body["allowedUntilTime"]!.GetValue<int>().Should().Be(0);
        body["remoteAllowed"]!.GetValue<bool>().Should().BeFalse();
    }

    [Test]
    public async Task A_pending_code_appears_by_itself_after_the_configured_number_of_list_calls()
    {
        _nuki.PendingMode = NukiPendingMode.AfterListCalls;
        _nuki.CompleteAfterListCalls = 2;
        await _vendor.CreateCodeAsync(Credentials, LockId.ToString(), Request("K-booking-1", "345678"));

        var first = await _vendor.FindCodeAsync(Credentials, LockId.ToString(), "K-booking-1");
        var second = await _vendor.FindCodeAsync(Credentials, LockId.ToString(), "K-booking-1");

        first.Should().BeNull();
        second.Should().NotBeNull();
    }

    [Test]
    public async Task A_code_for_an_unreachable_lock_never_appears()
    {
        _nuki.PendingMode = NukiPendingMode.Never;
        var result = await _vendor.CreateCodeAsync(Credentials, LockId.ToString(), Request("K-booking-1", "345678"));

        _nuki.CompletePendingAuths();

        result.Should().BeOfType<CodeCreateResult.Pending>();
        (await _vendor.FindCodeAsync(Credentials, LockId.ToString(), "K-booking-1")).Should().BeNull();
    }

    [Test]
    public async Task A_keypad_code_name_longer_than_20_characters_is_rejected_with_nukis_422_reason()
    {
        var act = () => _vendor.CreateCodeAsync(Credentials, LockId.ToString(), Request(new string('x', 21), "345678"));

        var error = (await act.Should().ThrowAsync<VendorException>()).Which;
        error.Kind.Should().Be(VendorErrorKind.Rejected);
        error.Reason.Should().Contain("unable to process the contained instructions").And.Contain("422");
    }

    [Test]
    public async Task A_pin_already_used_on_the_lock_is_rejected_with_nukis_detail_message()
    {
        _nuki.AddKeypadCode(LockId, "Cleaner", 345678);

        var act = () => _vendor.CreateCodeAsync(Credentials, LockId.ToString(), Request("K-booking-1", "345678"));

        var error = (await act.Should().ThrowAsync<VendorException>()).Which;
        error.Kind.Should().Be(VendorErrorKind.Rejected);
        error.Reason.Should().Contain("for parameter 'code' is not valid");
    }

    [TestCase("123456", TestName = "A PIN starting with 12 is rejected by Nuki")]
    [TestCase("345670", TestName = "A PIN containing 0 is rejected by Nuki")]
    [TestCase("34567", TestName = "A five-digit PIN is rejected by Nuki")]
    public async Task Pins_breaking_the_keypad_rules_are_rejected_by_nuki(string pin)
    {
        var act = () => _vendor.CreateCodeAsync(Credentials, LockId.ToString(), Request("K-booking-1", pin));

        var error = (await act.Should().ThrowAsync<VendorException>()).Which;
        error.Kind.Should().Be(VendorErrorKind.Rejected);
        error.Reason.Should().Contain($"'{pin}' for parameter 'code' is not valid");
    }

    [Test]
    public async Task A_lock_without_a_paired_keypad_refuses_keypad_codes()
    {
        _nuki.AddSmartlock(Token, 7, "No keypad").HasKeypad = false;

        var act = () => _vendor.CreateCodeAsync(Credentials, "7", Request("K-booking-1", "345678"));

        (await act.Should().ThrowAsync<VendorException>()).Which.Reason.Should().Contain("parameter 'type'");
    }

    [Test]
    public async Task Moving_a_code_sends_utc_dates_together_with_name_and_code()
    {
        var auth = _nuki.AddKeypadCode(LockId, "K-booking-1", 345678);

        await _vendor.UpdateCodeWindowAsync(
            Credentials,
            LockId.ToString(),
            auth.Id,
            new DateTimeOffset(2026, 7, 10, 16, 0, 0, TimeSpan.FromHours(2)),
            new DateTimeOffset(2026, 7, 12, 11, 0, 0, TimeSpan.FromHours(2)));
        _nuki.CompletePendingAuths();

        var post = _nuki.Requests.Single(r => r.Method == "POST");
        post.Path.Should().Be($"/smartlock/{LockId}/auth/{auth.Id}");
        var body = JsonNode.Parse(post.Body!)!.AsObject();
        body["name"]!.GetValue<string>().Should().Be("K-booking-1");
        body["code"]!.GetValue<int>().Should().Be(345678);
        auth.AllowedFromDate.Should().Be("2026-07-10T14:00:00.000Z");
        auth.AllowedUntilDate.Should().Be("2026-07-12T09:00:00.000Z");
    }

    [Test]
    public async Task Deleting_a_code_removes_it_once_nuki_reaches_the_lock()
    {
        var auth = _nuki.AddKeypadCode(LockId, "K-booking-1", 345678);

        await _vendor.DeleteCodeAsync(Credentials, LockId.ToString(), auth.Id);
        _nuki.CompletePendingAuths();

        _nuki.Requests.Should().Contain(r => r.Method == "DELETE" && r.Path == $"/smartlock/{LockId}/auth/{auth.Id}");
        _nuki.AuthsOn(LockId).Should().BeEmpty();
    }

    [Test]
    public async Task Deleting_a_code_that_is_already_gone_succeeds()
    {
        var act = () => _vendor.DeleteCodeAsync(Credentials, LockId.ToString(), "65219648fe57075d71a6cb01");

        await act.Should().NotThrowAsync();
    }

    [Test]
    public async Task A_generated_pin_follows_the_rules_and_avoids_pins_on_the_lock_and_in_use()
    {
        _nuki.AddKeypadCode(LockId, "Cleaner", 345678);

        for (var i = 0; i < 50; i++)
        {
            var pin = await _vendor.GeneratePinAsync(Credentials, LockId.ToString(), new HashSet<string> { "987654" });

            pin.Should().MatchRegex("^[1-9]{6}$").And.NotStartWith("12").And.NotBe("345678").And.NotBe("987654");
        }
    }

    [Test]
    public async Task Every_call_fails_as_transient_while_nuki_is_down()
    {
        _nuki.IsDown = true;

        var create = () => _vendor.CreateCodeAsync(Credentials, LockId.ToString(), Request("K-booking-1", "345678"));
        var list = () => _vendor.ListDevicesAsync(Credentials);

        (await create.Should().ThrowAsync<VendorException>()).Which.Kind.Should().Be(VendorErrorKind.Transient);
        (await list.Should().ThrowAsync<VendorException>()).Which.Kind.Should().Be(VendorErrorKind.Transient);
    }

    [Test]
    public async Task A_nuki_that_answers_too_slowly_fails_as_transient()
    {
        using var host = SmartLockVendorsTestHost.Create(_nuki.Url, TimeSpan.FromMilliseconds(300));
        _nuki.ResponseDelay = TimeSpan.FromSeconds(2);

        var act = () => host.Nuki.ListDevicesAsync(Credentials);

        (await act.Should().ThrowAsync<VendorException>()).Which.Kind.Should().Be(VendorErrorKind.Transient);
    }

    private static AccessCodeRequest Request(string name, string pin) => new(
        name,
        pin,
        new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero),
        "Ana",
        "García");
}
