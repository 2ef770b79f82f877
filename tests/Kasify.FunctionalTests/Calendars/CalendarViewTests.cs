using System.Net;
using Kasify.Domain.Crew;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;

namespace Kasify.FunctionalTests.Calendars;

public sealed class CalendarViewTests : ApiFixture
{
    [Test]
    public async Task The_property_calendar_defaults_to_a_month_and_shows_stays_and_blocks()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        var stay = await owner.BookAsync(propertyId, "2026-06-10", "2026-06-12");
        await owner.BookAsync(propertyId, new { from = "2026-06-20", to = "2026-06-21", status = "blocked" });
        await owner.BookAsync(propertyId, "2026-08-10", "2026-08-12");

        var calendar = await owner.Client.GetObjectAsync($"/properties/{propertyId}/calendar");

        calendar["property_id"]!.ToString().Should().Be(propertyId.ToString());
        calendar["from"]!.GetValue<string>().Should().Be("2026-06-01");
        calendar["to"]!.GetValue<string>().Should().Be("2026-07-01");
        var events = calendar["events"]!.AsArray();
        events.Select(e => e!["type"]!.GetValue<string>()).Should().Equal("booking", "task", "block"); // the stay's cleaning task on its check-out day
        var first = events[0]!;
        first.AsObject().Select(p => p.Key).Should().Equal("id", "type", "from", "to", "title", "status", "channel", "booking_id", "task_id", "assigned_to_name");
        first["booking_id"]!.ToString().Should().Be(stay["id"]!.ToString());
        first["title"]!.GetValue<string>().Should().Contain("Lucía");
        first["status"]!.GetValue<string>().Should().Be("confirmed");
    }

    [Test]
    public async Task Staff_see_no_guest_names_and_contractors_see_no_stays()
    {
        var owner = await RegisterAsync();
        var staff = await RegisterAsync();
        var contractor = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        await Api.AddMemberAsync(propertyId, staff.Id, AccessLevel.Staff, CrewService.Cleaning);
        await Api.AddMemberAsync(propertyId, contractor.Id, AccessLevel.Contractor, CrewService.Pool);
        await owner.BookAsync(propertyId, "2026-06-10", "2026-06-12");

        var staffEvents = (await staff.Client.GetObjectAsync($"/properties/{propertyId}/calendar"))["events"]!.AsArray();
        staffEvents.Should().ContainSingle(e => e!["type"]!.GetValue<string>() == "booking").Which!["title"]!.GetValue<string>().Should().NotContain("Lucía").And.NotContain("Martín");
        (await contractor.Client.GetObjectAsync($"/properties/{propertyId}/calendar"))["events"]!.AsArray().Should().BeEmpty();
        (await contractor.Client.GetObjectAsync("/calendar/upcoming"))["properties"]!.AsArray().Should().ContainSingle()
            .Which!["events"]!.AsArray().Should().BeEmpty();
        (await contractor.Client.GetAsync("/timeline/upcoming")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await contractor.Client.ItemsAsync($"/timeline/activity?property_id={propertyId}", "activities")).Should().BeEmpty();
        (await staff.Client.ItemsAsync($"/timeline/activity?property_id={propertyId}", "activities")).Should().NotBeEmpty();
    }

    [TestCase("?from=2026-06-01&to=2027-06-02", HttpStatusCode.BadRequest)]
    [TestCase("?from=2026-06-01&to=2027-06-01", HttpStatusCode.OK)]
    [TestCase("?from=2026-06-10&to=2026-06-09", HttpStatusCode.BadRequest)]
    [TestCase("?from=2026-06-31", HttpStatusCode.BadRequest)]
    public async Task The_calendar_window_is_at_most_366_days(string query, HttpStatusCode expected)
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        (await owner.Client.GetAsync($"/properties/{propertyId}/calendar{query}")).StatusCode.Should().Be(expected);
        (await owner.Client.GetAsync($"/calendar/upcoming{query}")).StatusCode.Should().Be(expected);
    }

    [Test]
    public async Task The_upcoming_calendar_covers_every_visible_property_and_no_other()
    {
        var owner = await RegisterAsync();
        var stranger = await RegisterAsync();
        var a = await owner.CreatePropertyAsync(PropertyRequests.Full("A"));
        var b = await owner.CreatePropertyAsync(PropertyRequests.Full("B"));
        await owner.BookAsync(a, "2026-06-10", "2026-06-12");
        await stranger.CreatePropertyAsync();

        var upcoming = await owner.Client.GetObjectAsync("/calendar/upcoming?from=2026-06-01&to=2026-06-30");
        var properties = upcoming["properties"]!.AsArray();
        properties.Select(p => p!["property_name"]!.GetValue<string>()).Should().Equal("A", "B");
        properties[0]!["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).Should().Equal("booking", "task");
        properties[1]!["property_id"]!.ToString().Should().Be(b.ToString());
        await (await stranger.Client.GetAsync($"/properties/{a}/calendar")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_upcoming_timeline_groups_checkins_and_checkouts_by_property_local_day()
    {
        var owner = await RegisterAsync();
        var madrid = await owner.CreatePropertyAsync(PropertyRequests.Full("Madrid"));
        await owner.BookAsync(madrid, "2026-06-02", "2026-06-04");
        await owner.BookAsync(madrid, "2026-06-20", "2026-06-22");

        var days = (await owner.Client.GetAsync("/timeline/upcoming"));
        var body = System.Text.Json.Nodes.JsonNode.Parse(await days.Content.ReadAsStringAsync())!.AsArray();
        body.Select(d => d!["date"]!.GetValue<string>()).Should().Equal("2026-06-02", "2026-06-04");
        var checkin = body[0]!["items"]!.AsArray().Single()!;
        checkin["kind"]!.GetValue<string>().Should().Be("checkin");
        checkin["at"]!.GetValue<string>().Should().Be("2026-06-02T13:30:00Z", "15:30 in Madrid in summer");
        checkin["property_name"]!.GetValue<string>().Should().Be("Madrid");
        body[1]!["items"]![0]!["kind"]!.GetValue<string>().Should().Be("checkout");

        var longer = System.Text.Json.Nodes.JsonNode.Parse(await (await owner.Client.GetAsync("/timeline/upcoming?days=30")).Content.ReadAsStringAsync())!.AsArray();
        longer.Should().HaveCount(4);
        await (await owner.Client.GetAsync("/timeline/upcoming?days=61")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.Client.GetAsync("/timeline/upcoming?days=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task The_activity_page_is_newest_first_and_scoped_to_visible_properties()
    {
        var owner = await RegisterAsync();
        var stranger = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        await owner.BookAsync(propertyId, "2026-06-10", "2026-06-12");

        var first = await owner.Client.GetObjectAsync($"/timeline/activity?property_id={propertyId}&size=1");
        var all = await owner.Client.GetObjectAsync($"/timeline/activity?property_id={propertyId}&size=10");
        first["activities"]!.AsArray().Should().ContainSingle();
        // property.created, booking.created and the booking's cleaning task.created
        first["total"]!.GetValue<int>().Should().Be(3);
        var activities = all["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
        activities.Select(a => a["at"]!.GetValue<DateTime>()).Should().BeInDescendingOrder();
        activities.Last()["kind"]!.GetValue<string>().Should().Be("property.created");
        var newest = activities.Single(a => a["kind"]!.GetValue<string>() == "booking.created");
        newest.Select(p => p.Key).Should().Equal("id", "at", "kind", "actor_id", "actor_name", "property_id", "property_name", "subject_type", "subject_id", "summary");
        newest["actor_id"]!.ToString().Should().Be(owner.Id.ToString());
        newest["summary"]!.GetValue<string>().Should().NotContain("Lucía");

        (await stranger.Client.ItemsAsync("/timeline/activity", "activities")).Should().NotContain(a => a!["property_id"]!.ToString() == propertyId.ToString());
        await (await stranger.Client.GetAsync($"/timeline/activity?property_id={propertyId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await owner.Client.GetAsync("/timeline/activity?size=500")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
