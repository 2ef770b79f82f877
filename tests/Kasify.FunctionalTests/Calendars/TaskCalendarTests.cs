using System.Net;
using System.Text.Json.Nodes;
using Kasify.Domain.Crew;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;

namespace Kasify.FunctionalTests.Calendars;

/// <summary>Task events in the calendar and timeline views (docs/api.md §7), seen per role (§2).</summary>
public sealed class TaskCalendarTests : ApiFixture
{
    private static async Task<JsonArray> TimelineAsync(TestUser user, int days = 30)
    {
        var response = await user.Client.GetAsync($"/timeline/upcoming?days={days}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    private static List<JsonObject> Items(JsonArray days) => days.SelectMany(d => d!["items"]!.AsArray()).Select(i => i!.AsObject()).ToList();

    [Test]
    public async Task A_contractor_sees_only_the_task_assigned_to_them_in_the_calendar_and_timeline()
    {
        var owner = await RegisterAsync("Olga");
        var contractor = await RegisterAsync("Pedro");
        var otherContractor = await RegisterAsync("Luis");
        var propertyId = await owner.CreatePropertyAsync();
        await Api.AddMemberAsync(propertyId, contractor.Id, AccessLevel.Contractor, CrewService.Pool);
        await Api.AddMemberAsync(propertyId, otherContractor.Id, AccessLevel.Contractor, CrewService.Maintenance);
        var stay = await owner.BookAsync(propertyId, "2026-06-10", "2026-06-12"); // gets its cleaning task, assigned to the owner
        var task = await (await owner.Client.PostJsonAsync("/tasks", new
        {
            property_id = propertyId, task_type = "pool", from = "2026-06-15T08:00:00Z", to = "2026-06-15T10:00:00Z", assigned_to = contractor.Id,
        })).ShouldBeAsync(HttpStatusCode.Created);
        await (await owner.Client.PostJsonAsync("/tasks", new
        {
            property_id = propertyId, task_type = "maintenance", from = "2026-06-16T08:00:00Z", to = "2026-06-16T10:00:00Z", assigned_to = otherContractor.Id,
        })).ShouldBeAsync(HttpStatusCode.Created);
        var taskId = task["id"]!.GetValue<string>();

        var events = (await contractor.Client.GetObjectAsync($"/properties/{propertyId}/calendar"))["events"]!.AsArray();
        var seen = events.Should().ContainSingle().Subject!;
        seen["type"]!.GetValue<string>().Should().Be("task");
        seen["task_id"]!.GetValue<string>().Should().Be(taskId);
        seen["id"]!.GetValue<string>().Should().Be(taskId);
        seen["from"]!.GetValue<string>().Should().Be("2026-06-15");
        seen["status"]!.GetValue<string>().Should().Be("pending");
        seen["assigned_to_name"]!.GetValue<string>().Should().Be("Pedro García");
        seen["booking_id"].Should().BeNull();

        (await contractor.Client.GetObjectAsync("/calendar/upcoming"))["properties"]!.AsArray().Should().ContainSingle()
            .Which!["events"]!.AsArray().Should().ContainSingle().Which!["task_id"]!.GetValue<string>().Should().Be(taskId);

        var timeline = await TimelineAsync(contractor);
        var item = Items(timeline).Should().ContainSingle().Subject;
        item["kind"]!.GetValue<string>().Should().Be("task");
        item["task_id"]!.GetValue<string>().Should().Be(taskId);
        item["at"]!.GetValue<string>().Should().Be("2026-06-15T08:00:00Z");
        timeline.Should().ContainSingle().Which!["date"]!.GetValue<string>().Should().Be("2026-06-15");

        // The owner sees every task, the stay's cleaning task with its booking.
        var ownerEvents = (await owner.Client.GetObjectAsync($"/properties/{propertyId}/calendar"))["events"]!.AsArray();
        ownerEvents.Select(e => e!["type"]!.GetValue<string>()).Should().Equal("booking", "task", "task", "task");
        var cleaning = ownerEvents[1]!;
        cleaning["booking_id"]!.GetValue<string>().Should().Be(stay["id"]!.GetValue<string>());
        cleaning["task_id"]!.GetValue<string>().Should().Be(stay["cleaning_task_id"]!.GetValue<string>());
        cleaning["assigned_to_name"]!.GetValue<string>().Should().Be("Olga García");
        Items(await TimelineAsync(owner)).Count(i => i["kind"]!.GetValue<string>() == "task").Should().Be(3);
    }

    [Test]
    public async Task Staff_see_tasks_of_others_stripped_in_the_calendar()
    {
        var owner = await RegisterAsync();
        var staff = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        await Api.AddMemberAsync(propertyId, staff.Id, AccessLevel.Staff, CrewService.Cleaning);
        await owner.BookAsync(propertyId, "2026-06-10", "2026-06-12");

        var events = (await staff.Client.GetObjectAsync($"/properties/{propertyId}/calendar"))["events"]!.AsArray();
        var task = events.Should().ContainSingle(e => e!["type"]!.GetValue<string>() == "task").Subject!;
        task["task_id"].Should().NotBeNull();
        task["assigned_to_name"].Should().BeNull();
        task["booking_id"].Should().BeNull();
        task["status"].Should().BeNull();
    }

    [Test]
    public async Task A_task_outside_the_asked_days_is_not_in_the_timeline()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        await (await owner.Client.PostJsonAsync("/tasks", new
        {
            property_id = propertyId, task_type = "pool", from = "2026-06-08T08:00:00Z", to = "2026-06-08T10:00:00Z", assigned_to = owner.Id,
        })).ShouldBeAsync(HttpStatusCode.Created);

        Items(await TimelineAsync(owner, days: 7)).Should().BeEmpty("today (June 1) + 6 days ends on June 7");
        Items(await TimelineAsync(owner, days: 8)).Should().ContainSingle();
    }
}
