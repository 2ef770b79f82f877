using System.Net;
using Kasify.Domain.Crew;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.SmartLocks;

public sealed class PropertySmartLockTests : SmartLockFixture
{
    [Test]
    public async Task An_assigned_lock_shows_on_the_property_and_in_its_list_with_live_status()
    {
        var (property, smartlock) = await NukiPropertyAsync();
        smartlock.BatteryCritical = true;

        var shown = await property.Owner.Client.GetObjectAsync($"/properties/{property.PropertyId}");
        shown["smart_locks"]!.AsArray().Should().ContainSingle().Which!["vendor"]!.GetValue<string>().Should().Be("nuki");

        var locks = await GetArrayAsync(property.Owner.Client, $"/properties/{property.PropertyId}/smart-locks");
        var item = locks.Should().ContainSingle().Subject!;
        item["external_id"]!.GetValue<string>().Should().Be(property.ExternalId);
        item["integration_id"]!.GetValue<string>().Should().Be(property.IntegrationId.ToString());
        item["status"]!["battery_critical"]!.GetValue<bool>().Should().BeTrue();
        item["status"]!["locked"]!.GetValue<bool>().Should().BeTrue();
        item["status"]!["error"].Should().BeNull();
    }

    [Test]
    public async Task A_vendor_that_fails_or_is_slow_fills_status_error_and_the_list_still_answers()
    {
        var (property, _) = await NukiPropertyAsync();
        var (_, _) = await AddUnifiDoorAsync(property.Owner, property.PropertyId);
        Nuki.IsDown = true;
        Unifi.ResponseDelay = TimeSpan.FromSeconds(3);

        var started = DateTime.UtcNow;
        var locks = await GetArrayAsync(property.Owner.Client, $"/properties/{property.PropertyId}/smart-locks");

        locks.Should().HaveCount(2);
        locks.Select(l => l!["status"]!["error"]).Should().OnlyContain(e => e != null);
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(2.5), "vendors are asked in parallel with a short timeout");
    }

    [Test]
    public async Task A_lock_belongs_to_one_property_at_a_time()
    {
        var (property, _) = await NukiPropertyAsync();
        var other = await NewPropertyAsync(property.Owner, "Casa Verde");

        await (await property.Owner.Client.PostJsonAsync($"/properties/{other}/smart-locks",
            new { integration_id = property.IntegrationId, external_id = property.ExternalId })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task A_device_the_vendor_does_not_know_is_a_422_and_bad_input_a_400()
    {
        var (property, _) = await NukiPropertyAsync();

        await (await property.Owner.Client.PostJsonAsync($"/properties/{property.PropertyId}/smart-locks",
            new { integration_id = property.IntegrationId, external_id = "999" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await property.Owner.Client.PostJsonAsync($"/properties/{property.PropertyId}/smart-locks",
            new { external_id = "1" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await property.Owner.Client.PostJsonAsync($"/properties/{property.PropertyId}/smart-locks",
            new { integration_id = Guid.NewGuid(), external_id = "1" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Managers_see_the_locks_but_only_the_owner_adds_or_removes_them_and_staff_see_nothing()
    {
        var (property, _) = await NukiPropertyAsync();
        var manager = await RegisterAsync();
        var staff = await RegisterAsync();
        await Api.AddMemberAsync(property.PropertyId, manager.Id, AccessLevel.Manager);
        await Api.AddMemberAsync(property.PropertyId, staff.Id, AccessLevel.Staff, CrewService.Cleaning);

        (await GetArrayAsync(manager.Client, $"/properties/{property.PropertyId}/smart-locks")).Should().ContainSingle();
        await (await staff.Client.GetAsync($"/properties/{property.PropertyId}/smart-locks")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.Client.DeleteAsync($"/properties/{property.PropertyId}/smart-locks/{property.LockId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        await (await property.Owner.Client.DeleteAsync($"/properties/{property.PropertyId}/smart-locks/{property.LockId}")).ShouldBeAsync(HttpStatusCode.NoContent);
        (await GetArrayAsync(property.Owner.Client, $"/properties/{property.PropertyId}/smart-locks")).Should().BeEmpty();
    }
}
