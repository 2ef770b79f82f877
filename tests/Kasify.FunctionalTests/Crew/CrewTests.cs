using System.Net;
using System.Net.Http.Json;
using Kasify.Domain.Tasks;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Crew;

public sealed class CrewTests : ApiFixture
{
    private static object TaskFor(Guid propertyId, Guid? assignee, string type = "maintenance") => new
    {
        property_id = propertyId,
        task_type = type,
        from = "2026-06-10T10:00:00Z",
        to = "2026-06-10T12:00:00Z",
        assigned_to = assignee,
    };

    [Test]
    public async Task Invite_accept_see_what_the_role_allows_then_get_removed_and_hand_tasks_back()
    {
        var owner = await RegisterAsync();
        var cleaner = await RegisterAsync("Limpia");
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());

        var invitation = await owner.InviteAsync(propertyId, "staff", new { accessLevel = "staff", service = "cleaning", email = cleaner.Email });
        var joined = await (await cleaner.AcceptAsync(invitation["token"]!.ToString())).ShouldBeAsync(HttpStatusCode.OK);
        joined["propertyId"]!.ToString().Should().Be(propertyId.ToString());

        var seen = await cleaner.Client.GetObjectAsync($"/properties/{propertyId}");
        seen["role"]!.GetValue<string>().Should().Be("staff");
        seen["ses_establishment_code"].Should().BeNull();
        await (await cleaner.Client.GetAsync($"/properties/{propertyId}/crew")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var crew = await (await owner.Client.GetAsync($"/properties/{propertyId}/crew")).Content.ReadFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>();
        crew.Should().ContainSingle().Which["service"]!.GetValue<string>().Should().Be("cleaning");

        var mine = await (await owner.Client.PostJsonAsync("/tasks", TaskFor(propertyId, cleaner.Id))).ShouldBeAsync(HttpStatusCode.Created);
        var notMine = await (await owner.Client.PostJsonAsync("/tasks", TaskFor(propertyId, owner.Id, "pool"))).ShouldBeAsync(HttpStatusCode.Created);
        (await cleaner.Client.GetObjectAsync($"/tasks/{mine["id"]}"))["public_token"].Should().NotBeNull();
        (await cleaner.Client.GetObjectAsync($"/tasks/{notMine["id"]}"))["status"].Should().BeNull("staff see others' tasks stripped");

        await (await owner.Client.DeleteAsync($"/properties/{propertyId}/crew/{cleaner.Id}")).ShouldBeAsync(HttpStatusCode.NoContent);

        await (await cleaner.Client.GetAsync($"/properties/{propertyId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await cleaner.Client.GetAsync($"/tasks/{mine["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var handedBack = await owner.Client.GetObjectAsync($"/tasks/{mine["id"]}");
        handedBack["assigned_to"]!.ToString().Should().Be(owner.Id.ToString());
        var kinds = await Api.WithDbAsync(db => db.Activities.Where(a => a.PropertyId == propertyId).Select(a => a.Kind).ToListAsync());
        kinds.Should().Contain(["member.invited", "member.joined", "member.removed", "task.assigned"]);
    }

    [Test]
    public async Task Removing_the_default_cleaner_hands_their_open_tasks_to_the_owner_and_clears_the_default()
    {
        var owner = await RegisterAsync();
        var cleaner = await RegisterAsync();
        var other = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());
        await owner.JoinAsync(propertyId, cleaner, "staff", "cleaning");
        await owner.JoinAsync(propertyId, other, "staff", "cleaning");
        await (await owner.Client.PutJsonAsync($"/properties/{propertyId}", PropertyRequests.Full(defaultCleaner: other.Id))).ShouldBeAsync(HttpStatusCode.OK);
        var open = await (await owner.Client.PostJsonAsync("/tasks", TaskFor(propertyId, cleaner.Id))).ShouldBeAsync(HttpStatusCode.Created);
        var done = await (await owner.Client.PostJsonAsync("/tasks", TaskFor(propertyId, cleaner.Id, "pool"))).ShouldBeAsync(HttpStatusCode.Created);
        await (await cleaner.Client.PostAsync($"/tasks/{done["id"]}/complete", null)).ShouldBeAsync(HttpStatusCode.OK);

        await (await owner.Client.DeleteAsync($"/properties/{propertyId}/crew/{cleaner.Id}")).ShouldBeAsync(HttpStatusCode.NoContent);
        (await owner.Client.GetObjectAsync($"/tasks/{open["id"]}"))["assigned_to"]!.ToString().Should().Be(other.Id.ToString(), "the default cleaner takes them");
        (await owner.Client.GetObjectAsync($"/tasks/{done["id"]}"))["assigned_to"]!.ToString().Should().Be(cleaner.Id.ToString(), "completed work keeps its author");
        (await cleaner.Client.GetObjectAsync("/tasks"))["total"]!.GetValue<int>().Should().Be(0, "a former member sees none of the property's tasks");

        var reassigned = await (await owner.Client.PostJsonAsync("/tasks", TaskFor(propertyId, other.Id))).ShouldBeAsync(HttpStatusCode.Created);
        await (await owner.Client.DeleteAsync($"/properties/{propertyId}/crew/{other.Id}")).ShouldBeAsync(HttpStatusCode.NoContent);
        (await owner.Client.GetObjectAsync($"/tasks/{reassigned["id"]}"))["assigned_to"]!.ToString().Should().Be(owner.Id.ToString());
        (await owner.Client.GetObjectAsync($"/properties/{propertyId}"))["default_cleaner"].Should().BeNull();
        (await Api.WithDbAsync(db => db.Tasks.CountAsync(t => t.PropertyId == propertyId && t.Status == WorkTaskStatus.Pending && t.AssignedTo == owner.Id))).Should().Be(2);
    }

    [Test]
    public async Task Only_the_owner_changes_access_levels_and_removes_members()
    {
        var owner = await RegisterAsync();
        var manager = await RegisterAsync();
        var staff = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());
        await owner.JoinAsync(propertyId, manager, "manager");
        await owner.JoinAsync(propertyId, staff, "staff");

        await (await manager.Client.PatchAsJsonAsync($"/properties/{propertyId}/crew/{staff.Id}", new { access_level = "contractor" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.Client.DeleteAsync($"/properties/{propertyId}/crew/{staff.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.Client.PatchAsJsonAsync($"/properties/{propertyId}/crew/{staff.Id}", new { access_level = "owner" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.Client.PatchAsJsonAsync($"/properties/{propertyId}/crew/{Guid.NewGuid()}", new { access_level = "staff" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var changed = await (await owner.Client.PatchAsJsonAsync($"/properties/{propertyId}/crew/{staff.Id}", new { access_level = "contractor", service = "pool" })).ShouldBeAsync(HttpStatusCode.OK);

        changed.Select(p => p.Key).Should().Equal(PropertyRequests.MemberKeys);
        changed["access_level"]!.GetValue<string>().Should().Be("contractor");
        changed["service"]!.GetValue<string>().Should().Be("pool");
        (await staff.Client.GetObjectAsync($"/properties/{propertyId}"))["role"]!.GetValue<string>().Should().Be("contractor");
    }
}
