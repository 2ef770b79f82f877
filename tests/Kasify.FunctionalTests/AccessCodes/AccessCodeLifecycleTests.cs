using System.Net;
using Kasify.Application.AccessCodes;
using Kasify.Application.Common;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.SmartLocks;

namespace Kasify.FunctionalTests.AccessCodes;

/// <summary>Automation of docs/api.md §8: provisioned at check-in − 24 h, moved with the stay, revoked on cancellation or at check-out + 1 h.</summary>
public sealed class AccessCodeLifecycleTests : SmartLockFixture
{
    private const string Madrid = "Europe/Madrid";

    [Test]
    public async Task A_nuki_code_is_provisioned_at_lead_time_moved_with_the_stay_and_revoked_on_cancellation()
    {
        var (property, smartlock) = await NukiPropertyAsync();
        var from = Api.Today().AddDays(3);
        var booking = await Api.AddBookingAsync(property.PropertyId, from, from.AddDays(3));
        var checkin = TimeZones.ToUtc(from, new TimeOnly(15, 30), Madrid);

        await AdvanceToAsync(checkin.AddHours(-24).AddMinutes(-5));
        (await CodesAsync(property.Owner, booking.Id)).Should().BeEmpty("nothing is provisioned before the lead time");

        await AdvanceToAsync(checkin.AddHours(-24));
        var pending = (await CodesAsync(property.Owner, booking.Id)).Should().ContainSingle().Subject!;
        pending["status"]!.GetValue<string>().Should().Be("pending", "Nuki creates asynchronously");

        await AdvanceAndRunJobsAsync(TimeSpan.FromMinutes(2));
        var active = (await CodesAsync(property.Owner, booking.Id)).Should().ContainSingle().Subject!;
        active["status"]!.GetValue<string>().Should().Be("active");
        var pin = active["code"]!.GetValue<string>();
        pin.Should().MatchRegex("^[1-9]{6}$").And.NotStartWith("12");
        active["valid_from"]!.GetValue<DateTime>().ToUniversalTime().Should().Be(checkin);
        var auth = Nuki.AuthsOn(smartlock.SmartlockId).Should().ContainSingle().Subject;
        auth.Name.Should().StartWith("KSY-").And.HaveLength(16);
        auth.Code.Should().Be(int.Parse(pin, System.Globalization.CultureInfo.InvariantCulture));
        DateTimeOffset.Parse(auth.AllowedFromDate!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.Should().Be(checkin);

        await Api.MoveStayAsync(booking.Id, from.AddDays(1), from.AddDays(4));
        await Api.RunDueJobsAsync();
        Nuki.CompletePendingAuths();
        var moved = (await CodesAsync(property.Owner, booking.Id)).Should().ContainSingle().Subject!;
        moved["code"]!.GetValue<string>().Should().Be(pin, "the same code moves");
        moved["valid_from"]!.GetValue<DateTime>().ToUniversalTime().Should().Be(checkin.AddDays(1));
        DateTimeOffset.Parse(Nuki.AuthsOn(smartlock.SmartlockId).Single().AllowedFromDate!, System.Globalization.CultureInfo.InvariantCulture)
            .UtcDateTime.Should().Be(checkin.AddDays(1));

        await Api.CancelBookingAsync(booking.Id);
        await Api.RunDueJobsAsync();
        Nuki.CompletePendingAuths();
        (await CodesAsync(property.Owner, booking.Id)).Single()!["status"]!.GetValue<string>().Should().Be("revoked");
        Nuki.AuthsOn(smartlock.SmartlockId).Should().BeEmpty();
        (await ActivityKindsAsync(property.PropertyId)).Should().Contain(["access_code.created", "access_code.revoked"]);
    }

    [Test]
    public async Task A_unifi_code_is_valid_in_unix_seconds_and_revoked_an_hour_after_check_out()
    {
        var owner = await RegisterAsync();
        var propertyId = await NewPropertyAsync(owner);
        var (_, door) = await AddUnifiDoorAsync(owner, propertyId);
        var from = Api.Today().AddDays(1);
        var booking = await Api.AddBookingAsync(propertyId, from, from.AddDays(2));
        var checkin = TimeZones.ToUtc(from, new TimeOnly(15, 30), Madrid);
        var checkout = TimeZones.ToUtc(from.AddDays(2), new TimeOnly(10, 0), Madrid);

        await AdvanceToAsync(checkin.AddHours(-24));

        var code = (await CodesAsync(owner, booking.Id)).Should().ContainSingle().Subject!;
        code["status"]!.GetValue<string>().Should().Be("active");
        code["vendor"]!.GetValue<string>().Should().Be("unifi");
        var visitor = Unifi.Visitors.Should().ContainSingle(v => v.DoorIds.Contains(door.Id)).Subject;
        visitor.StartTime.Should().Be(new DateTimeOffset(checkin).ToUnixTimeSeconds());
        visitor.EndTime.Should().Be(new DateTimeOffset(checkout).ToUnixTimeSeconds());

        await AdvanceToAsync(checkout.AddMinutes(59));
        (await CodesAsync(owner, booking.Id)).Single()!["status"]!.GetValue<string>().Should().Be("active");
        await AdvanceToAsync(checkout.AddHours(1));
        (await CodesAsync(owner, booking.Id)).Single()!["status"]!.GetValue<string>().Should().Be("revoked");
        Unifi.Visitors.Where(v => v.Id == visitor.Id && v.Status != "CANCELLED").Should().BeEmpty();
    }

    [Test]
    public async Task A_stay_cancelled_and_then_confirmed_again_gets_its_code_back_on_the_lock_with_the_same_pin()
    {
        var owner = await RegisterAsync();
        var propertyId = await NewPropertyAsync(owner);
        var (_, door) = await AddUnifiDoorAsync(owner, propertyId);
        var from = Api.Today().AddDays(1);
        var booking = await Api.AddBookingAsync(propertyId, from, from.AddDays(2));
        await AdvanceToAsync(TimeZones.ToUtc(from, new TimeOnly(15, 30), Madrid).AddHours(-24));
        var first = (await CodesAsync(owner, booking.Id)).Single()!["code"]!.GetValue<string>();

        await Api.CancelBookingAsync(booking.Id);
        await Api.RunDueJobsAsync();
        (await CodesAsync(owner, booking.Id)).Single()!["status"]!.GetValue<string>().Should().Be("revoked");

        await Api.ConfirmBookingAsync(booking.Id);
        await Api.RunDueJobsAsync();

        var again = (await CodesAsync(owner, booking.Id)).Should().ContainSingle().Subject!;
        again["status"]!.GetValue<string>().Should().Be("active");
        Unifi.Visitors.Count(v => v.DoorIds.Contains(door.Id) && v.Status != "CANCELLED").Should().Be(1);
        again["code"]!.GetValue<string>().Should().Be(first, "the guest keeps the PIN they were sent");
    }

    [Test]
    public async Task A_code_that_never_appears_on_the_nuki_lock_fails_with_a_reason()
    {
        var (property, _) = await NukiPropertyAsync();
        var from = Api.Today().AddDays(1);
        var booking = await Api.AddBookingAsync(property.PropertyId, from, from.AddDays(2));
        Nuki.PendingMode = Kasify.TestFakes.SmartLocks.NukiPendingMode.Never;

        await AdvanceToAsync(TimeZones.ToUtc(from, new TimeOnly(15, 30), Madrid).AddHours(-24));
        for (var i = 0; i < 12; i++) await AdvanceAndRunJobsAsync(TimeSpan.FromMinutes(2));

        var code = (await CodesAsync(property.Owner, booking.Id)).Should().ContainSingle().Subject!;
        code["status"]!.GetValue<string>().Should().Be("failed");
        code["last_error"]!.GetValue<string>().Should().Contain("never appeared");
        (await ActivityKindsAsync(property.PropertyId)).Should().Contain("access_code.failed");
    }

    [Test]
    public async Task When_nuki_is_down_provisioning_is_retried_and_makes_one_code_only()
    {
        var (property, smartlock) = await NukiPropertyAsync();
        var from = Api.Today().AddDays(1);
        var booking = await Api.AddBookingAsync(property.PropertyId, from, from.AddDays(2));
        Nuki.IsDown = true;

        await AdvanceToAsync(TimeZones.ToUtc(from, new TimeOnly(15, 30), Madrid).AddHours(-24));
        await AdvanceAndRunJobsAsync(TimeSpan.FromSeconds(31));
        (await CodesAsync(property.Owner, booking.Id)).Where(c => c!["status"]!.GetValue<string>() == "active").Should().BeEmpty();

        Nuki.IsDown = false;
        for (var i = 0; i < 4; i++) await AdvanceAndRunJobsAsync(TimeSpan.FromMinutes(2));

        (await CodesAsync(property.Owner, booking.Id)).Should().ContainSingle().Which!["status"]!.GetValue<string>().Should().Be("active");
        Nuki.AuthsOn(smartlock.SmartlockId).Should().ContainSingle();
        Nuki.Requests.Count(r => r.Method == "PUT" && r.Path.EndsWith($"/smartlock/{smartlock.SmartlockId}/auth", StringComparison.Ordinal))
            .Should().Be(1, "the code is created once");
    }

    [Test]
    public async Task The_endpoint_reports_a_failing_lock_and_still_creates_the_others_then_returns_the_same_codes()
    {
        var (property, _) = await NukiPropertyAsync();
        await AddUnifiDoorAsync(property.Owner, property.PropertyId);
        var from = Api.Today().AddDays(10);
        var booking = await Api.AddBookingAsync(property.PropertyId, from, from.AddDays(2));
        Nuki.IsDown = true;

        var first = await (await property.Owner.Client.PostAsync($"/bookings/{booking.Id}/accesscode", null)).ShouldBeAsync(HttpStatusCode.Created);

        first["access_codes"]!.AsArray().Should().ContainSingle().Which!["vendor"]!.GetValue<string>().Should().Be("unifi");
        var failed = first["failed_smartlocks"]!.AsArray().Should().ContainSingle().Subject!;
        failed["smart_lock_id"]!.GetValue<string>().Should().Be(property.LockId.ToString());
        failed["error"]!.GetValue<string>().Should().NotBeNullOrEmpty();

        Nuki.IsDown = false;
        var second = await (await property.Owner.Client.PostAsync($"/bookings/{booking.Id}/accesscode", null)).ShouldBeAsync(HttpStatusCode.Created);
        second["failed_smartlocks"]!.AsArray().Should().BeEmpty();
        var codes = second["access_codes"]!.AsArray();
        codes.Should().HaveCount(2);
        codes.Select(c => c!["id"]!.GetValue<string>()).Should().Contain(first["access_codes"]![0]!["id"]!.GetValue<string>());
        Unifi.Visitors.Count(v => v.Remarks == AccessCodeProvisioner.LockNameFor(booking.Id)).Should().Be(1);
    }

    [Test]
    public async Task Revoking_a_code_by_hand_removes_it_from_the_lock()
    {
        var owner = await RegisterAsync();
        var propertyId = await NewPropertyAsync(owner);
        await AddUnifiDoorAsync(owner, propertyId);
        var from = Api.Today().AddDays(10);
        var booking = await Api.AddBookingAsync(propertyId, from, from.AddDays(2));
        var created = await (await owner.Client.PostAsync($"/bookings/{booking.Id}/accesscode", null)).ShouldBeAsync(HttpStatusCode.Created);
        var codeId = created["access_codes"]![0]!["id"]!.GetValue<string>();

        await (await owner.Client.DeleteAsync($"/bookings/{booking.Id}/accesscode/{codeId}")).ShouldBeAsync(HttpStatusCode.NoContent);

        (await CodesAsync(owner, booking.Id)).Single()!["status"]!.GetValue<string>().Should().Be("revoked");
        await (await owner.Client.DeleteAsync($"/bookings/{booking.Id}/accesscode/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_sweep_provisions_a_due_stay_whose_property_got_its_lock_afterwards()
    {
        var owner = await RegisterAsync();
        var propertyId = await NewPropertyAsync(owner);
        var from = Api.Today().AddDays(1);
        var booking = await Api.AddBookingAsync(propertyId, from, from.AddDays(2));
        await AdvanceToAsync(TimeZones.ToUtc(from, new TimeOnly(15, 30), Madrid).AddHours(-20));
        await AddUnifiDoorAsync(owner, propertyId);

        await using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(Api.Services))
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Kasify.Application.AccessCodes.AccessCodeSweep>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        await Api.RunDueJobsAsync();

        (await CodesAsync(owner, booking.Id)).Should().ContainSingle().Which!["status"]!.GetValue<string>().Should().Be("active");
    }
}
