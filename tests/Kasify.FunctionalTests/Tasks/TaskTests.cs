using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Tasks;

public sealed class TaskTests : ApiFixture
{
    private static readonly string[] TaskKeys =
    [
        "id", "property", "task_type", "status", "assigned_to", "assigned_to_name", "from", "to", "created_at", "booking_id",
        "notes", "job_report", "started_at", "completed_at", "cancelled_at", "public_token", "public_url", "next_booking",
    ];

    private static object NewTask(Guid propertyId, Guid? assignee = null, string type = "maintenance", string from = "2026-06-10T10:00:00Z",
        string to = "2026-06-10T12:00:00Z") => new { property_id = propertyId, task_type = type, from, to, assigned_to = assignee, notes = "Fix the tap" };

    private static async Task<JsonObject> CreateAsync(TestUser by, object body) =>
        await (await by.Client.PostJsonAsync("/tasks", body)).ShouldBeAsync(HttpStatusCode.Created);

    [Test]
    public async Task A_task_has_the_documented_shape()
    {
        var owner = await RegisterAsync("Olga");
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());

        var task = await CreateAsync(owner, NewTask(propertyId, owner.Id));

        task.Select(p => p.Key).Should().Equal(TaskKeys);
        task["property"]!["id"]!.ToString().Should().Be(propertyId.ToString());
        task["property"]!["name"]!.GetValue<string>().Should().Be("Casa Azul");
        task["task_type"]!.GetValue<string>().Should().Be("maintenance");
        task["status"]!.GetValue<string>().Should().Be("pending");
        task["assigned_to_name"]!.GetValue<string>().Should().Be("Olga García");
        task["from"]!.GetValue<string>().Should().Be("2026-06-10T10:00:00Z");
        task["public_url"]!.GetValue<string>().Should().EndWith($"/public/tasks/{task["public_token"]}");
    }

    [Test]
    public async Task Tasks_go_pending_in_progress_completed_and_illegal_transitions_are_409()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());
        var id = (await CreateAsync(owner, NewTask(propertyId, owner.Id)))["id"];

        var started = await (await owner.Client.PostAsync($"/tasks/{id}/start", null)).ShouldBeAsync(HttpStatusCode.OK);
        started["status"]!.GetValue<string>().Should().Be("in_progress");
        started["started_at"].Should().NotBeNull();
        await (await owner.Client.PostAsync($"/tasks/{id}/start", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var completed = await (await owner.Client.PostJsonAsync($"/tasks/{id}/complete", new { job_report = "All clean" })).ShouldBeAsync(HttpStatusCode.OK);
        completed["status"]!.GetValue<string>().Should().Be("completed");
        completed["job_report"]!.GetValue<string>().Should().Be("All clean");
        await (await owner.Client.PostAsync($"/tasks/{id}/complete", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await owner.Client.PatchAsJsonAsync($"/tasks/{id}", new { status = "cancelled" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var second = (await CreateAsync(owner, NewTask(propertyId, owner.Id)))["id"];
        (await (await owner.Client.PostAsync($"/tasks/{second}/complete", null)).ShouldBeAsync(HttpStatusCode.OK))["status"]!.GetValue<string>().Should().Be("completed");

        var third = (await CreateAsync(owner, NewTask(propertyId, owner.Id)))["id"];
        (await (await owner.Client.PatchAsJsonAsync($"/tasks/{third}", new { status = "cancelled" })).ShouldBeAsync(HttpStatusCode.OK))["cancelled_at"].Should().NotBeNull();
        await (await owner.Client.PostAsync($"/tasks/{third}/start", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await owner.Client.PatchAsJsonAsync($"/tasks/{third}", new { status = "finished" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var kinds = await Api.WithDbAsync(db => db.Activities.Where(a => a.PropertyId == propertyId).Select(a => a.Kind).ToListAsync());
        kinds.Should().Contain(["task.created", "task.started", "task.completed", "task.cancelled"]);
    }

    [Test]
    public async Task Patch_lets_the_owner_change_everything_managers_and_assignees_only_the_job_report()
    {
        var owner = await RegisterAsync();
        var manager = await RegisterAsync();
        var assignee = await RegisterAsync();
        var otherStaff = await RegisterAsync();
        var contractor = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());
        await owner.JoinAsync(propertyId, manager, "manager");
        await owner.JoinAsync(propertyId, assignee, "staff", "cleaning");
        await owner.JoinAsync(propertyId, otherStaff, "staff", "cleaning");
        await owner.JoinAsync(propertyId, contractor, "contractor", "pool");
        var id = (await CreateAsync(owner, NewTask(propertyId, assignee.Id)))["id"];
        var url = $"/tasks/{id}";

        var byOwner = await (await owner.Client.PatchAsJsonAsync(url, new { notes = "Bring keys", from = "2026-06-11T09:00:00Z", to = "2026-06-11T11:00:00Z" })).ShouldBeAsync(HttpStatusCode.OK);
        byOwner["notes"]!.GetValue<string>().Should().Be("Bring keys");
        byOwner["from"]!.GetValue<string>().Should().Be("2026-06-11T09:00:00Z");
        (await (await manager.Client.PatchAsJsonAsync(url, new { job_report = "Checked" })).ShouldBeAsync(HttpStatusCode.OK))["job_report"]!.GetValue<string>().Should().Be("Checked");
        (await (await assignee.Client.PatchAsJsonAsync(url, new { job_report = "Done" })).ShouldBeAsync(HttpStatusCode.OK))["job_report"]!.GetValue<string>().Should().Be("Done");

        await (await manager.Client.PatchAsJsonAsync(url, new { notes = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await assignee.Client.PatchAsJsonAsync(url, new { assigned_to = otherStaff.Id })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await otherStaff.Client.PatchAsJsonAsync(url, new { job_report = "Me too" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await contractor.Client.PatchAsJsonAsync(url, new { job_report = "Me too" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await owner.Client.PatchAsJsonAsync(url, new { assigned_to = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.Client.PatchAsJsonAsync(url, new { to = "2026-06-01T00:00:00Z" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await manager.Client.PostAsync($"{url}/start", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await otherStaff.Client.PostAsync($"{url}/start", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await assignee.Client.PostAsync($"{url}/start", null)).ShouldBeAsync(HttpStatusCode.OK);

        var stored = await Api.WithDbAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == Guid.Parse(id!.ToString())));
        stored.Notes.Should().Be("Bring keys");
        stored.JobReport.Should().Be("Done");
        stored.AssignedTo.Should().Be(assignee.Id);
    }

    [Test]
    public async Task Creating_checks_roles_and_input_and_stores_nothing_when_refused()
    {
        var owner = await RegisterAsync();
        var staff = await RegisterAsync();
        var stranger = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());
        await owner.JoinAsync(propertyId, staff, "staff");

        await (await staff.Client.PostJsonAsync("/tasks", NewTask(propertyId))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.Client.PostJsonAsync("/tasks", NewTask(propertyId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var problem = await (await owner.Client.PostJsonAsync("/tasks", new { property_id = propertyId, task_type = "dusting", from = "2026-06-10T12:00:00Z", to = "2026-06-10T10:00:00Z", assigned_to = stranger.Id, booking_id = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors().Select(e => e.Key).Should().BeEquivalentTo(["task_type", "to", "assigned_to", "booking_id"]);
        await (await owner.Client.PostJsonAsync("/tasks", new { task_type = "pool" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.Client.PostJsonAsync("/tasks", new { property_id = "not-a-guid" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        (await Api.WithDbAsync(db => db.Tasks.CountAsync(t => t.PropertyId == propertyId))).Should().Be(0);
    }

    [Test]
    public async Task Lists_filter_page_hide_cancelled_by_default_and_strip_others_tasks_for_staff()
    {
        var owner = await RegisterAsync();
        var staff = await RegisterAsync();
        var contractor = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());
        var otherProperty = await owner.CreatePropertyAsync(PropertyRequests.Minimal());
        await owner.JoinAsync(propertyId, staff, "staff");
        await owner.JoinAsync(propertyId, contractor, "contractor");
        var staffTask = (await CreateAsync(owner, NewTask(propertyId, staff.Id, "cleaning", "2026-06-10T10:00:00Z", "2026-06-10T12:00:00Z")))["id"]!.ToString();
        var contractorTask = (await CreateAsync(owner, NewTask(propertyId, contractor.Id, "pool", "2026-06-11T10:00:00Z", "2026-06-11T12:00:00Z")))["id"]!.ToString();
        var ownerTask = (await CreateAsync(owner, NewTask(propertyId, owner.Id, "gardening", "2026-06-12T10:00:00Z", "2026-06-12T12:00:00Z")))["id"]!.ToString();
        var cancelled = (await CreateAsync(owner, NewTask(propertyId, owner.Id, "other", "2026-06-13T10:00:00Z", "2026-06-13T12:00:00Z")))["id"]!.ToString();
        await (await owner.Client.PatchAsJsonAsync($"/tasks/{cancelled}", new { status = "cancelled" })).ShouldBeAsync(HttpStatusCode.OK);
        var deleted = (await CreateAsync(owner, NewTask(propertyId, owner.Id)))["id"]!.ToString();
        await (await staff.Client.DeleteAsync($"/tasks/{deleted}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.Client.DeleteAsync($"/tasks/{deleted}")).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await owner.Client.GetAsync($"/tasks/{deleted}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var elsewhere = (await CreateAsync(owner, NewTask(otherProperty, owner.Id)))["id"]!.ToString();

        static IEnumerable<string> Ids(JsonObject page) => page["tasks"]!.AsArray().Select(t => t!["id"]!.ToString());

        var all = await owner.Client.GetObjectAsync("/tasks");
        Ids(all).Should().Equal(staffTask, elsewhere, contractorTask, ownerTask);
        all["total"]!.GetValue<int>().Should().Be(4);
        Ids(await owner.Client.GetObjectAsync($"/tasks?property_id={propertyId}&include_cancelled=true")).Should().Equal(staffTask, contractorTask, ownerTask, cancelled);
        Ids(await owner.Client.GetObjectAsync($"/properties/{propertyId}/tasks?task_type=pool")).Should().Equal(contractorTask);
        Ids(await owner.Client.GetObjectAsync($"/tasks?assigned_to={owner.Id}&scheduled_from=2026-06-12&scheduled_to=2026-06-12")).Should().Equal(ownerTask);
        var paged = await owner.Client.GetObjectAsync($"/tasks?property_id={propertyId}&page=1&size=2");
        Ids(paged).Should().Equal(ownerTask);
        paged["total"]!.GetValue<int>().Should().Be(3);
        paged["size"]!.GetValue<int>().Should().Be(2);

        Ids(await staff.Client.GetObjectAsync("/tasks")).Should().Equal(staffTask);
        var staffView = (await staff.Client.GetObjectAsync($"/properties/{propertyId}/tasks"))["tasks"]!.AsArray();
        staffView.Select(t => t!["id"]!.ToString()).Should().Equal(staffTask, contractorTask, ownerTask);
        staffView[0]!["status"]!.GetValue<string>().Should().Be("pending");
        foreach (var stripped in staffView.Skip(1))
        {
            stripped!["from"].Should().NotBeNull();
            stripped["property"]!["name"].Should().NotBeNull();
            foreach (var key in TaskKeys.Except(["id", "from", "to", "property"])) stripped[key].Should().BeNull(key + " is stripped");
        }
        Ids(await contractor.Client.GetObjectAsync($"/properties/{propertyId}/tasks")).Should().Equal(contractorTask);
        await (await contractor.Client.GetAsync($"/tasks/{ownerTask}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        foreach (var bad in new[] { "status=done", "task_type=x", "scheduled_from=yesterday", "size=0", "size=101", "page=-1", "include_cancelled=maybe", "property_id=zzz" })
            await (await owner.Client.GetAsync($"/tasks?{bad}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
