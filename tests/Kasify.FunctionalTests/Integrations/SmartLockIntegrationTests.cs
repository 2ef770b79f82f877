using System.Net;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.SmartLocks;

namespace Kasify.FunctionalTests.Integrations;

public sealed class SmartLockIntegrationTests : SmartLockFixture
{
    [Test]
    public async Task A_nuki_token_that_nuki_accepts_is_stored_encrypted_and_never_returned()
    {
        var owner = await RegisterAsync();
        var (token, _) = NewNukiLock();

        var created = await (await owner.Client.PostJsonAsync("/integrations/nuki", new { name = "My Nuki", api_token = token })).ShouldBeAsync(HttpStatusCode.Created);

        created["type"]!.GetValue<string>().Should().Be("nuki");
        created["status"]!.GetValue<string>().Should().Be("active");
        created.ToJsonString().Should().NotContain(token);
        var stored = await Api.WithDbAsync(db => Task.FromResult(db.Integrations.Single(i => i.AccountId == owner.AccountId)));
        stored.ProtectedCredentials.Should().NotContain(token);
        var kinds = await Api.WithDbAsync(db => Task.FromResult(db.Activities.Where(a => a.SubjectId == stored.Id).Select(a => a.Kind).ToList()));
        kinds.Should().Contain("integration.connected");
    }

    [Test]
    public async Task A_token_nuki_refuses_is_a_422_with_the_reason_and_nothing_is_stored()
    {
        var owner = await RegisterAsync();

        var problem = await (await owner.Client.PostJsonAsync("/integrations/nuki", new { api_token = "not-a-token" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        problem["detail"]!.GetValue<string>().Should().StartWith("Nuki refused the credentials");
        (await Api.WithDbAsync(db => Task.FromResult(db.Integrations.Count(i => i.AccountId == owner.AccountId)))).Should().Be(0);
    }

    [Test]
    public async Task When_nuki_is_down_the_integration_is_a_503_and_nothing_is_stored()
    {
        var owner = await RegisterAsync();
        var (token, _) = NewNukiLock();
        Nuki.IsDown = true;

        await (await owner.Client.PostJsonAsync("/integrations/nuki", new { api_token = token })).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);

        (await Api.WithDbAsync(db => Task.FromResult(db.Integrations.Count(i => i.AccountId == owner.AccountId)))).Should().Be(0);
    }

    [Test]
    public async Task A_missing_token_is_a_400_field_error()
    {
        var owner = await RegisterAsync();

        var problem = await (await owner.Client.PostJsonAsync("/integrations/nuki", new { name = "x" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().ContainsKey("api_token").Should().BeTrue();
    }

    [Test]
    public async Task A_unifi_console_is_connected_with_a_token_and_its_url_is_a_setting()
    {
        var owner = await RegisterAsync();
        var token = NewToken();
        Unifi.AddApiToken(token);

        var created = await (await owner.Client.PostJsonAsync("/integrations/unifi", UnifiBody(Unifi.Url, token))).ShouldBeAsync(HttpStatusCode.Created);

        created["settings"]!["url"]!.GetValue<string>().Should().Be(new Uri(Unifi.Url).GetLeftPart(UriPartial.Authority));
        created["settings"]!["accept_self_signed_certificate"]!.GetValue<bool>().Should().BeFalse();
        created.ToJsonString().Should().NotContain(token);
    }

    [Test]
    public async Task A_unifi_console_is_connected_with_a_local_admin_and_the_password_is_never_returned()
    {
        var owner = await RegisterAsync();
        Unifi.AddAdmin("admin-" + owner.Subject, "s3cret-pass");

        var created = await (await owner.Client.PostJsonAsync("/integrations/unifi",
            new { url = Unifi.Url, username = "admin-" + owner.Subject, password = "s3cret-pass" })).ShouldBeAsync(HttpStatusCode.Created);

        created["settings"]!["username"]!.GetValue<string>().Should().Be("admin-" + owner.Subject);
        created.ToJsonString().Should().NotContain("s3cret-pass");
    }

    [Test]
    public async Task A_unifi_body_without_token_or_login_is_a_400_and_a_refused_token_a_422()
    {
        var owner = await RegisterAsync();

        await (await owner.Client.PostJsonAsync("/integrations/unifi", new { url = Unifi.Url })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.Client.PostJsonAsync("/integrations/unifi", new { url = "ftp://x", api_token = "t" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.Client.PostJsonAsync("/integrations/unifi", UnifiBody(Unifi.Url, "wrong"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        (await Api.WithDbAsync(db => Task.FromResult(db.Integrations.Count(i => i.AccountId == owner.AccountId)))).Should().Be(0);
    }

    [Test]
    public async Task Replacing_the_token_revalidates_it_and_a_bad_one_keeps_the_old()
    {
        var owner = await RegisterAsync();
        var (token, smartlock) = NewNukiLock();
        var id = await ConnectAsync(owner, "nuki", new { api_token = token });

        await (await owner.Client.PutJsonAsync($"/integrations/nuki/{id}", new { api_token = "bad" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var list = await GetArrayAsync(owner.Client, $"/integrations/{id}/nuki/smartlocks");
        list.Should().ContainSingle();

        var renamed = await (await owner.Client.PutJsonAsync($"/integrations/nuki/{id}", new { name = "Renamed", api_token = token })).ShouldBeAsync(HttpStatusCode.OK);
        renamed["name"]!.GetValue<string>().Should().Be("Renamed");
        smartlock.Should().NotBeNull();
    }

    [Test]
    public async Task The_live_lists_show_which_property_each_device_is_assigned_to()
    {
        var (property, smartlock) = await NukiPropertyAsync();
        var spare = Nuki.AddSmartlock(property.Token, smartlock.SmartlockId + 500_000, "Garage");
        var (_, door) = await AddUnifiDoorAsync(property.Owner, property.PropertyId);

        var locks = await GetArrayAsync(property.Owner.Client, $"/integrations/{property.IntegrationId}/nuki/smartlocks");
        locks.Select(l => (l!["name"]!.GetValue<string>(), l["assigned_property_id"]?.GetValue<string>()))
            .Should().BeEquivalentTo([("Front door", property.PropertyId.ToString()), (spare.Name, (string?)null)]);

        var unifiId = await Api.WithDbAsync(db => Task.FromResult(db.SmartLocks.Single(l => l.ExternalId == door.Id).IntegrationId));
        var doors = await GetArrayAsync(property.Owner.Client, $"/integrations/{unifiId}/unifi/doors");
        doors.Should().ContainSingle();
        doors[0]!["door_id"]!.GetValue<string>().Should().Be(door.Id);
        doors[0]!["lock_status"]!.GetValue<string>().Should().Be("lock");
        doors[0]!["assigned_property_id"]!.GetValue<string>().Should().Be(property.PropertyId.ToString());
    }

    [Test]
    public async Task Another_account_cannot_see_or_change_the_integration()
    {
        var (property, _) = await NukiPropertyAsync();
        var stranger = await RegisterAsync();

        await (await stranger.Client.GetAsync($"/integrations/{property.IntegrationId}/nuki/smartlocks")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.DeleteAsync($"/integrations/nuki/{property.IntegrationId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PostJsonAsync($"/properties/{property.PropertyId}/smart-locks",
            new { integration_id = property.IntegrationId, external_id = property.ExternalId })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Deleting_the_integration_takes_its_locks_off_the_properties()
    {
        var (property, _) = await NukiPropertyAsync();

        await (await property.Owner.Client.DeleteAsync($"/integrations/nuki/{property.IntegrationId}")).ShouldBeAsync(HttpStatusCode.NoContent);

        var shown = await property.Owner.Client.GetObjectAsync($"/properties/{property.PropertyId}");
        shown["smart_locks"]!.AsArray().Should().BeEmpty();
    }
}
