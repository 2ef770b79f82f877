using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Kasify.Application.SmartLocks.Vendors;
using Kasify.TestFakes.SmartLocks;

namespace Kasify.UnitTests.SmartLocks;

public class UnifiSmartLockVendorTests
{
    private const string Token = "unifi-test-token-8c21";

    private FakeUnifi _unifi = null!;
    private SmartLockVendorsTestHost _host = null!;
    private ISmartLockVendor _vendor = null!;
    private UnifiCredentials _credentials = null!;
    private FakeUnifiDoor _door = null!;

    [SetUp]
    public void SetUp()
    {
        _unifi = new FakeUnifi();
        _unifi.AddApiToken(Token);
        _door = _unifi.AddDoor("Front door", "UDM - 1F - Front door");
        _credentials = new UnifiCredentials(_unifi.BaseUri, Token, null, null, AcceptSelfSignedCertificate: false);
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
    public async Task Validation_accepts_a_token_that_can_list_doors()
    {
        var result = await _vendor.ValidateAsync(_credentials);

        result.Status.Should().Be(VendorValidationStatus.Ok);
        _unifi.Requests.Should().ContainSingle(r => r.Path == "/api/v1/developer/doors" && r.Authorization == $"Bearer {Token}");
    }

    [Test]
    public async Task Validation_rejects_an_unknown_token_with_the_vendor_code()
    {
        var result = await _vendor.ValidateAsync(_credentials with { ApiToken = "wrong" });

        result.Status.Should().Be(VendorValidationStatus.Rejected);
        result.Reason.Should().Contain("CODE_UNAUTHORIZED");
    }

    [Test]
    public async Task Validation_reports_unavailable_while_the_console_is_down()
    {
        _unifi.IsDown = true;

        var result = await _vendor.ValidateAsync(_credentials);

        result.Status.Should().Be(VendorValidationStatus.Unavailable);
    }

    [Test]
    public async Task Listing_maps_doors_with_relay_and_position_status()
    {
        var back = _unifi.AddDoor("Back door");
        back.LockRelayStatus = "unlock";
        back.PositionStatus = null;

        var devices = await _vendor.ListDevicesAsync(_credentials);

        devices.Should().BeEquivalentTo(new[]
        {
            new VendorDevice(_door.Id, "Front door", "UDM - 1F - Front door", "door", null, Locked: true, DoorOpen: false, null, "lock"),
            new VendorDevice(back.Id, "Back door", back.FullName, "door", null, Locked: false, DoorOpen: null, null, "unlock"),
        });
    }

    [Test]
    public async Task Device_status_of_an_unknown_door_is_not_found()
    {
        var act = () => _vendor.GetDeviceStatusAsync(_credentials, Guid.NewGuid().ToString());

        (await act.Should().ThrowAsync<VendorException>()).Which.Kind.Should().Be(VendorErrorKind.NotFound);
    }

    [Test]
    public async Task Creating_a_code_makes_a_one_time_visitor_for_the_door_with_unix_seconds_and_our_pin()
    {
        var request = Request("K-booking-1", "482913");

        var result = await _vendor.CreateCodeAsync(_credentials, _door.Id, request);

        var created = result.Should().BeOfType<CodeCreateResult.Created>().Subject;
        created.Pin.Should().Be("482913");
        var visitor = _unifi.FindVisitor(created.ExternalCodeId)!;
        visitor.FirstName.Should().Be("Ana");
        visitor.LastName.Should().Be("García");
        visitor.Remarks.Should().Be("K-booking-1");
        visitor.VisitReason.Should().Be("Others");
        visitor.StartTime.Should().Be(request.ValidFromUtc.ToUnixTimeSeconds());
        visitor.EndTime.Should().Be(request.ValidUntilUtc.ToUnixTimeSeconds());
        visitor.DoorIds.Should().Equal(_door.Id);
        visitor.Pin.Should().Be("482913");

        var post = JsonNode.Parse(_unifi.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/visitors")).Body!)!;
        post["start_time"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.Number);
        post["resources"]![0]!["type"]!.GetValue<string>().Should().Be("door");
    }

    [Test]
    public async Task A_pin_that_already_exists_is_replaced_by_a_console_generated_one()
    {
        _unifi.AddExistingPin("482913");
        _unifi.EnqueueGeneratedPin("482913");
        _unifi.EnqueueGeneratedPin("550122");

        var result = await _vendor.CreateCodeAsync(_credentials, _door.Id, Request("K-booking-1", "482913"));

        var created = result.Should().BeOfType<CodeCreateResult.Created>().Subject;
        created.Pin.Should().Be("550122");
        _unifi.FindVisitor(created.ExternalCodeId)!.Pin.Should().Be("550122");
    }

    [Test]
    public async Task Pin_retries_are_bounded_and_leave_no_visitor_behind()
    {
        for (var i = 0; i < 10; i++)
        {
            _unifi.AddExistingPin($"11111{i}");
            _unifi.EnqueueGeneratedPin($"11111{i}");
        }

        var act = () => _vendor.CreateCodeAsync(_credentials, _door.Id, Request("K-booking-1", "111110"));

        var error = (await act.Should().ThrowAsync<VendorException>()).Which;
        error.Kind.Should().NotBe(VendorErrorKind.Unauthorized);
        _unifi.Requests.Count(r => r.Path.EndsWith("/pin_codes") && r.Method == "PUT").Should().BeLessThanOrEqualTo(5);
        _unifi.Visitors.Should().BeEmpty();
    }

    [Test]
    public async Task A_pin_of_the_wrong_length_is_rejected_and_leaves_no_visitor_behind()
    {
        _unifi.PinLength = 8;

        var act = () => _vendor.CreateCodeAsync(_credentials, _door.Id, Request("K-booking-1", "482913"));

        var error = (await act.Should().ThrowAsync<VendorException>()).Which;
        error.Kind.Should().Be(VendorErrorKind.Rejected);
        error.Reason.Should().Contain("CODE_CREDS_PIN_CODE_CREDS_LENGTH_INVALID");
        _unifi.Visitors.Should().BeEmpty();
    }

    [Test]
    public async Task Reading_a_visitor_shows_only_a_hash_of_the_pin()
    {
        var created = (CodeCreateResult.Created)await _vendor.CreateCodeAsync(_credentials, _door.Id, Request("K-booking-1", "482913"));

        using var http = new HttpClient();
        using var get = new HttpRequestMessage(HttpMethod.Get, $"{_unifi.Url}/api/v1/developer/visitors/{created.ExternalCodeId}");
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await http.SendAsync(get);
        var body = await response.Content.ReadAsStringAsync();

        var hash = JsonNode.Parse(body)!["data"]!["pin_code"]!["token"]!.GetValue<string>();
        hash.Should().MatchRegex("^[0-9a-f]{64}$").And.NotBe("482913");
        body.Should().NotContain("482913");
    }

    [Test]
    public async Task A_code_is_found_again_by_its_name()
    {
        var created = (CodeCreateResult.Created)await _vendor.CreateCodeAsync(_credentials, _door.Id, Request("K-booking-1", "482913"));

        var found = await _vendor.FindCodeAsync(_credentials, _door.Id, "K-booking-1");
        var missing = await _vendor.FindCodeAsync(_credentials, _door.Id, "K-booking-2");

        found.Should().Be(created.ExternalCodeId);
        missing.Should().BeNull();
    }

    [Test]
    public async Task A_code_of_the_same_name_on_another_door_is_not_this_doors_code()
    {
        var gate = _unifi.AddDoor("Gate", "UDM - 1F - Gate");
        var front = (CodeCreateResult.Created)await _vendor.CreateCodeAsync(_credentials, _door.Id, Request("K-booking-1", "482913"));

        (await _vendor.FindCodeAsync(_credentials, gate.Id, "K-booking-1")).Should().BeNull("the gate has no visitor of that stay yet");
        var atGate = (CodeCreateResult.Created)await _vendor.CreateCodeAsync(_credentials, gate.Id, Request("K-booking-1", "482913"));

        (await _vendor.FindCodeAsync(_credentials, gate.Id, "K-booking-1")).Should().Be(atGate.ExternalCodeId);
        (await _vendor.FindCodeAsync(_credentials, _door.Id, "K-booking-1")).Should().Be(front.ExternalCodeId);
    }

    [Test]
    public async Task Moving_a_code_updates_the_visitor_times_in_unix_seconds()
    {
        var created = (CodeCreateResult.Created)await _vendor.CreateCodeAsync(_credentials, _door.Id, Request("K-booking-1", "482913"));
        var from = new DateTimeOffset(2026, 7, 10, 16, 0, 0, TimeSpan.FromHours(2));
        var until = new DateTimeOffset(2026, 7, 12, 11, 0, 0, TimeSpan.FromHours(2));

        await _vendor.UpdateCodeWindowAsync(_credentials, _door.Id, created.ExternalCodeId, from, until);

        var visitor = _unifi.FindVisitor(created.ExternalCodeId)!;
        visitor.StartTime.Should().Be(from.ToUnixTimeSeconds());
        visitor.EndTime.Should().Be(until.ToUnixTimeSeconds());
        visitor.Pin.Should().Be("482913");
    }

    [Test]
    public async Task Deleting_a_code_removes_the_visitor_for_good()
    {
        var created = (CodeCreateResult.Created)await _vendor.CreateCodeAsync(_credentials, _door.Id, Request("K-booking-1", "482913"));

        await _vendor.DeleteCodeAsync(_credentials, _door.Id, created.ExternalCodeId);
        var again = () => _vendor.DeleteCodeAsync(_credentials, _door.Id, created.ExternalCodeId);

        _unifi.Requests.Should().Contain(r => r.Method == "DELETE" && r.Query.Contains("is_force=true"));
        _unifi.Visitors.Should().BeEmpty();
        await again.Should().NotThrowAsync();
    }

    [Test]
    public async Task A_generated_pin_comes_from_the_console_and_skips_pins_in_use()
    {
        _unifi.PinLength = 4;
        _unifi.EnqueueGeneratedPin("0420");
        _unifi.EnqueueGeneratedPin("7781");

        var pin = await _vendor.GeneratePinAsync(_credentials, _door.Id, new HashSet<string> { "0420" });

        pin.Should().Be("7781");
    }

    [Test]
    public async Task Every_call_fails_as_transient_while_the_console_is_down()
    {
        _unifi.IsDown = true;

        var create = () => _vendor.CreateCodeAsync(_credentials, _door.Id, Request("K-booking-1", "482913"));
        var list = () => _vendor.ListDevicesAsync(_credentials);

        (await create.Should().ThrowAsync<VendorException>()).Which.Kind.Should().Be(VendorErrorKind.Transient);
        (await list.Should().ThrowAsync<VendorException>()).Which.Kind.Should().Be(VendorErrorKind.Transient);
    }

    [Test]
    public async Task A_console_that_answers_too_slowly_fails_as_transient()
    {
        using var host = SmartLockVendorsTestHost.Create(timeout: TimeSpan.FromMilliseconds(300));
        _unifi.ResponseDelay = TimeSpan.FromSeconds(2);

        var act = () => host.Unifi.ListDevicesAsync(_credentials);

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
