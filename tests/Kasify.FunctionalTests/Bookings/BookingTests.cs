using System.Net;
using Kasify.Domain.Crew;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Bookings;

public sealed class BookingTests : ApiFixture
{
    [Test]
    public async Task A_manual_booking_has_the_full_shape_and_the_property_times()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();

        var created = await owner.BookAsync(propertyId, "2026-07-01", "2026-07-05");
        var read = await owner.Client.GetObjectAsync($"/bookings/{created["id"]}");

        read.Select(p => p.Key).Should().Equal(BookingSteps.BookingKeys);
        read.ToJsonString().Should().Be(created.ToJsonString());
        read["property_id"]!.ToString().Should().Be(propertyId.ToString());
        read["from"]!.GetValue<string>().Should().Be("2026-07-01");
        read["to"]!.GetValue<string>().Should().Be("2026-07-05");
        read["channel"]!.GetValue<string>().Should().Be("direct");
        read["status"]!.GetValue<string>().Should().Be("confirmed");
        read["checkin_time"]!.GetValue<string>().Should().Be("15:30");
        read["checkout_time"]!.GetValue<string>().Should().Be("10:00");
        read["guest_first_name"]!.GetValue<string>().Should().Be("Lucía");
        read["adults_count"]!.GetValue<int>().Should().Be(2);
        read["payment_type"]!.GetValue<string>().Should().Be("TARJT");
        read["created_at"]!.GetValue<string>().Should().Be("2026-06-01T09:00:00Z");
        read["access_codes"]!.AsArray().Should().BeEmpty();
        read["checkin_code"]!.GetValue<string>().Should().MatchRegex("^[A-Za-z0-9_-]{22,}$");
    }

    [Test]
    public async Task Every_booking_gets_its_own_checkin_code()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        var a = await owner.BookAsync(propertyId, "2026-08-01", "2026-08-02");
        var b = await owner.BookAsync(propertyId, "2026-08-02", "2026-08-03");
        a["checkin_code"]!.GetValue<string>().Should().NotBe(b["checkin_code"]!.GetValue<string>());
    }

    [TestCase("{\"from\":\"2026-07-05\",\"to\":\"2026-07-05\"}", "to")]
    [TestCase("{\"from\":\"2026-07-06\",\"to\":\"2026-07-05\"}", "to")]
    [TestCase("{\"to\":\"2026-07-05\"}", "from")]
    [TestCase("{\"from\":\"2026-07-01\",\"to\":\"2026-07-05\",\"channel\":\"expedia\"}", "channel")]
    [TestCase("{\"from\":\"2026-07-01\",\"to\":\"2026-07-05\",\"status\":\"cancelled\"}", "status")]
    [TestCase("{\"from\":\"2026-07-01\",\"to\":\"2026-07-05\",\"payment_type\":\"BITCOIN\"}", "payment_type")]
    [TestCase("{\"from\":\"2026-07-01\",\"to\":\"2026-07-05\",\"adults_count\":-1}", "adults_count")]
    [TestCase("{\"from\":\"2026-07-01\",\"to\":\"2026-07-05\",\"arrival_time\":\"25:00\"}", "arrival_time")]
    [TestCase("{\"from\":\"2026-07-01\",\"to\":\"2026-07-05\",\"guest_email\":\"nope\"}", "guest_email")]
    public async Task Invalid_bookings_are_refused_with_400_and_nothing_is_stored(string body, string field)
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();

        var response = await owner.Client.PostAsync($"/properties/{propertyId}/bookings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors().Select(e => e.Key).Should().Contain(field);
        (await Api.WithDbAsync(db => db.Bookings.CountAsync(b => b.PropertyId == propertyId))).Should().Be(0);
    }

    [TestCase("{\"from\":\"2026-13-01\",\"to\":\"2026-07-05\"}")]
    [TestCase("{\"from\":\"2026-07-01\",\"to\":\"2026-07-05\",\"adults_count\":\"two\"}")]
    [TestCase("not json")]
    public async Task Malformed_booking_bodies_are_400_not_500(string body)
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        var response = await owner.Client.PostAsync($"/properties/{propertyId}/bookings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_booking_that_overlaps_a_confirmed_stay_is_refused_unless_allowed()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        await owner.BookAsync(propertyId, "2026-07-01", "2026-07-05");

        await (await owner.Client.PostJsonAsync($"/properties/{propertyId}/bookings", new { from = "2026-07-04", to = "2026-07-08" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await owner.BookAsync(propertyId, new { from = "2026-07-05", to = "2026-07-08" }); // same-day turnover
        await owner.BookAsync(propertyId, new { from = "2026-07-02", to = "2026-07-03", allow_overlap = true });
        await owner.BookAsync(propertyId, new { from = "2026-07-02", to = "2026-07-03", status = "blocked", allow_overlap = true });
    }

    [Test]
    public async Task Patch_changes_only_the_given_fields_and_records_what_happened()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        var id = (await owner.BookAsync(propertyId, "2026-07-01", "2026-07-05"))["id"]!.ToString();

        var moved = await (await owner.Client.PatchJsonAsync($"/bookings/{id}", new { to = "2026-07-06", notes = (string?)null }))
            .ShouldBeAsync(HttpStatusCode.OK);
        moved["from"]!.GetValue<string>().Should().Be("2026-07-01");
        moved["to"]!.GetValue<string>().Should().Be("2026-07-06");
        moved["notes"].Should().BeNull();
        moved["guest_first_name"]!.GetValue<string>().Should().Be("Lucía");
        moved["special_requests"]!.GetValue<string>().Should().Be("Crib");

        var renamed = await (await owner.Client.PatchJsonAsync($"/bookings/{id}", new { guest_last_name = "Ruiz", channel = "vrbo" })).ShouldBeAsync(HttpStatusCode.OK);
        renamed["guest_last_name"]!.GetValue<string>().Should().Be("Ruiz");
        renamed["channel"]!.GetValue<string>().Should().Be("vrbo");
        renamed["to"]!.GetValue<string>().Should().Be("2026-07-06");

        var cancelled = await (await owner.Client.PatchJsonAsync($"/bookings/{id}", new { status = "cancelled" })).ShouldBeAsync(HttpStatusCode.OK);
        cancelled["status"]!.GetValue<string>().Should().Be("cancelled");

        var kinds = (await owner.Client.ItemsAsync($"/timeline/activity?property_id={propertyId}", "activities"))
            .Select(a => a!["kind"]!.GetValue<string>()).ToList();
        kinds.Should().ContainInOrder("booking.cancelled", "booking.updated", "booking.updated", "booking.created");
        kinds.Count(k => k == "booking.updated").Should().BeGreaterThanOrEqualTo(2);
    }

    [Test]
    public async Task Patch_validates_and_keeps_the_overlap_rule()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        await owner.BookAsync(propertyId, "2026-07-10", "2026-07-12");
        var id = (await owner.BookAsync(propertyId, "2026-07-01", "2026-07-05"))["id"]!.ToString();

        (await (await owner.Client.PatchJsonAsync($"/bookings/{id}", new { from = "2026-07-06" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .Errors().Select(e => e.Key).Should().Contain("to");
        (await (await owner.Client.PatchJsonAsync($"/bookings/{id}", new { status = (string?)null })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .Errors().Select(e => e.Key).Should().Contain("status");
        await (await owner.Client.PatchJsonAsync($"/bookings/{id}", new { from = "2026-13-01" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.Client.PatchJsonAsync($"/bookings/{id}", new { to = "2026-07-11" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await owner.Client.PatchJsonAsync($"/bookings/{id}", new { to = "2026-07-11", allow_overlap = true })).ShouldBeAsync(HttpStatusCode.OK);

        var unchanged = await owner.Client.GetObjectAsync($"/bookings/{id}");
        unchanged["to"]!.GetValue<string>().Should().Be("2026-07-11");
    }

    [Test]
    public async Task A_block_patched_onto_a_confirmed_stay_is_refused_like_a_block_created_there()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        await owner.BookAsync(propertyId, "2026-07-10", "2026-07-12");
        var block = (await owner.BookAsync(propertyId, new { from = "2026-07-01", to = "2026-07-05", status = "blocked" }))["id"]!.ToString();

        await (await owner.Client.PostJsonAsync($"/properties/{propertyId}/bookings", new { from = "2026-07-09", to = "2026-07-11", status = "blocked" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await owner.Client.PatchJsonAsync($"/bookings/{block}", new { from = "2026-07-09", to = "2026-07-11" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await owner.Client.GetObjectAsync($"/bookings/{block}"))["from"]!.GetValue<string>().Should().Be("2026-07-01");

        await (await owner.Client.PatchJsonAsync($"/bookings/{block}", new { from = "2026-07-09", to = "2026-07-11", allow_overlap = true }))
            .ShouldBeAsync(HttpStatusCode.OK);
        (await owner.Client.GetObjectAsync($"/bookings/{block}"))["from"]!.GetValue<string>().Should().Be("2026-07-09");
    }

    [Test]
    public async Task Staff_see_bookings_without_guest_personal_data_and_cannot_change_them()
    {
        var owner = await RegisterAsync();
        var staff = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        await Api.AddMemberAsync(propertyId, staff.Id, AccessLevel.Staff, CrewService.Cleaning);
        var id = (await owner.BookAsync(propertyId, "2026-07-01", "2026-07-05"))["id"]!.ToString();

        var seen = await staff.Client.GetObjectAsync($"/bookings/{id}");
        foreach (var key in new[] { "guest_first_name", "guest_last_name", "guest_email", "guest_phone", "notes", "special_requests", "access_codes" })
            seen[key].Should().BeNull(key);
        seen["adults_count"]!.GetValue<int>().Should().Be(2);

        var listed = await staff.Client.ItemsAsync($"/properties/{propertyId}/bookings", "bookings");
        listed.Should().ContainSingle().Which!["guest_email"].Should().BeNull();
        (await staff.Client.ItemsAsync("/bookings", "bookings")).Should().ContainSingle().Which!["guest_last_name"].Should().BeNull();
        (await staff.Client.ItemsAsync($"/properties/{propertyId}/bookings?query=Lucía", "bookings")).Should().BeEmpty("staff cannot search guest data");

        await (await staff.Client.PatchJsonAsync($"/bookings/{id}", new { notes = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.Client.PostJsonAsync($"/properties/{propertyId}/bookings", new { from = "2026-08-01", to = "2026-08-02" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Contractors_get_403_on_booking_lists_and_404_on_a_booking()
    {
        var owner = await RegisterAsync();
        var contractor = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        await Api.AddMemberAsync(propertyId, contractor.Id, AccessLevel.Contractor, CrewService.Pool);
        var id = (await owner.BookAsync(propertyId, "2026-07-01", "2026-07-05"))["id"]!.ToString();

        await (await contractor.Client.GetAsync($"/properties/{propertyId}/bookings")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await contractor.Client.GetAsync($"/properties/{propertyId}/bookings/current")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await contractor.Client.GetAsync($"/bookings?propertyId={propertyId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await contractor.Client.GetAsync($"/bookings/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await contractor.Client.PatchJsonAsync($"/bookings/{id}", new { notes = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await contractor.Client.ItemsAsync("/bookings", "bookings")).Should().BeEmpty();
    }

    [Test]
    public async Task Bookings_of_another_account_do_not_exist_for_the_caller()
    {
        var owner = await RegisterAsync();
        var stranger = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        var id = (await owner.BookAsync(propertyId, "2026-07-01", "2026-07-05"))["id"]!.ToString();

        await (await stranger.Client.GetAsync($"/bookings/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PatchJsonAsync($"/bookings/{id}", new { notes = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.GetAsync($"/properties/{propertyId}/bookings")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.GetAsync($"/properties/{propertyId}/bookings/current")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PostJsonAsync($"/properties/{propertyId}/bookings", new { from = "2026-08-01", to = "2026-08-02" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.GetAsync($"/bookings?propertyId={propertyId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await stranger.Client.ItemsAsync("/bookings", "bookings")).Should().BeEmpty();
        await (await Anonymous().GetAsync($"/bookings/{id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Lists_filter_sort_and_page()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        var other = await owner.CreatePropertyAsync(PropertyRequests.Full("Casa Verde"));
        await owner.BookAsync(propertyId, new { from = "2026-07-01", to = "2026-07-03", channel = "airbnb", channel_id = "HMAAAA1111" });
        await owner.BookAsync(propertyId, new { from = "2026-07-03", to = "2026-07-10", guest_last_name = "Zapatero" });
        await owner.BookAsync(propertyId, new { from = "2026-07-10", to = "2026-07-11", status = "blocked" });
        await owner.BookAsync(other, new { from = "2026-07-02", to = "2026-07-04" });

        string Dates(System.Text.Json.Nodes.JsonArray items) => string.Join(",", items.Select(b => b!["from"]!.GetValue<string>()));
        var url = $"/properties/{propertyId}/bookings";
        Dates(await owner.Client.ItemsAsync(url, "bookings")).Should().Be("2026-07-01,2026-07-03,2026-07-10");
        Dates(await owner.Client.ItemsAsync(url + "?sortDescending=true", "bookings")).Should().Be("2026-07-10,2026-07-03,2026-07-01");
        Dates(await owner.Client.ItemsAsync(url + "?sortBy=CHECKOUT&sortDescending=true", "bookings")).Should().Be("2026-07-10,2026-07-03,2026-07-01");
        Dates(await owner.Client.ItemsAsync(url + "?from=2026-07-02&to=2026-07-10", "bookings")).Should().Be("2026-07-03");
        Dates(await owner.Client.ItemsAsync(url + "?channel=airbnb", "bookings")).Should().Be("2026-07-01");
        Dates(await owner.Client.ItemsAsync(url + "?status=blocked", "bookings")).Should().Be("2026-07-10");
        Dates(await owner.Client.ItemsAsync(url + "?query=zapa", "bookings")).Should().Be("2026-07-03");
        Dates(await owner.Client.ItemsAsync(url + "?query=HMAAAA", "bookings")).Should().Be("2026-07-01");

        var page = await owner.Client.GetObjectAsync("/bookings?page=1&size=2");
        page["total"]!.GetValue<int>().Should().Be(4);
        page["page"]!.GetValue<int>().Should().Be(1);
        page["size"]!.GetValue<int>().Should().Be(2);
        Dates(page["bookings"]!.AsArray()).Should().Be("2026-07-03,2026-07-10");
        Dates(await owner.Client.ItemsAsync($"/bookings?propertyId={other}", "bookings")).Should().Be("2026-07-02");

        foreach (var bad in new[] { "?size=0", "?size=101", "?page=-1", "?sortBy=PRICE", "?channel=expedia", "?status=maybe", "?from=2026-02-30" })
            await (await owner.Client.GetAsync(url + bad)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Current_follows_the_property_time_zone_and_stay_times()
    {
        // The clock says 2026-06-01 09:00 UTC = 11:00 in Madrid; the property checks in at 15:30 and out at 10:00.
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        await owner.BookAsync(propertyId, "2026-05-29", "2026-06-01"); // checked out at 10:00 local
        await owner.BookAsync(propertyId, "2026-06-01", "2026-06-03"); // checks in at 15:30 local

        await (await owner.Client.GetAsync($"/properties/{propertyId}/bookings/current")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var other = await owner.CreatePropertyAsync();
        var stay = await owner.BookAsync(other, "2026-05-30", "2026-06-02");
        var current = await owner.Client.GetObjectAsync($"/properties/{other}/bookings/current");
        current["id"]!.ToString().Should().Be(stay["id"]!.ToString());
    }
}
