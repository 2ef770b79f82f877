using System.Net;
using System.Net.Http.Headers;
using Kasify.Domain.Crew;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Checkin;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Ses;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Guests;

/// <summary>Items 1 and 3: the register for an inspection, and the register outliving a deleted (archived) property.</summary>
public sealed class GuestRegisterTests : SesFixture
{
    private static async Task<string> CsvAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> JsonRegisterAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await (await client.SendAsync(request)).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_register_lists_every_traveller_with_the_SES_fields_the_stay_and_the_report_as_CSV_by_default()
    {
        var (owner, propertyId) = await SesOwnerAsync();
        var booking = await CompletedCheckinAsync(propertyId);
        await Api.RunDueJobsAsync();
        var lote = ReportsFor(booking).Single().Lote!;

        var csv = await CsvAsync(owner.Client, $"/properties/{propertyId}/guest-register");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3);
        var header = lines[0].Split(',');
        header.Should().StartWith(["booking_id", "booking_reference", "check_in", "check_out"]).And.EndWith(["ses_status", "ses_batch_id", "ses_submitted_at"]);
        var lucia = lines.Single(l => l.Contains("Lucía")).Split(',');
        string Cell(string name) => lucia[Array.IndexOf(header, name)];
        Cell("document_number").Should().Be(GuestBodies.ValidNif);
        Cell("document_type").Should().Be("NIF");
        Cell("nationality").Should().Be("ESP");
        Cell("residence_municipality_code").Should().Be("28079");
        Cell("phone").Should().Be("+34600111222");
        Cell("booking_reference").Should().Be(booking.ChannelId);
        Cell("check_in").Should().Be($"{Api.Today().AddDays(2):yyyy-MM-dd}T15:30:00");
        Cell("ses_status").Should().Be("submitted");
        Cell("ses_batch_id").Should().Be(lote);
        Cell("ses_submitted_at").Should().EndWith("Z");
        lines.Single(l => l.Contains("Pierre")).Should().Contain(",FRA,").And.Contain("Paris");
    }

    [Test]
    public async Task The_register_is_JSON_on_request_and_covers_only_stays_in_the_period()
    {
        var (owner, propertyId) = await SesOwnerAsync();
        var booking = await CompletedCheckinAsync(propertyId);
        var from = Api.Today().AddDays(2);

        var inside = await JsonRegisterAsync(owner.Client, $"/properties/{propertyId}/guest-register?from={from:yyyy-MM-dd}&to={from:yyyy-MM-dd}");
        var before = await JsonRegisterAsync(owner.Client, $"/properties/{propertyId}/guest-register?from={from.AddDays(-30):yyyy-MM-dd}&to={from.AddDays(-1):yyyy-MM-dd}");

        var travellers = inside["travellers"]!.AsArray();
        travellers.Should().HaveCount(2);
        travellers.Select(t => t!["booking_id"]!.GetValue<string>()).Should().AllBe(booking.Id.ToString());
        travellers.Select(t => t!["document_number"]!.GetValue<string>()).Should().Contain(GuestBodies.ValidNif);
        travellers[0]!["ses_status"]!.GetValue<string>().Should().Be("pending");
        inside["establishment_code"]!.GetValue<string>().Should().Be(EstablishmentCode);
        before["travellers"]!.AsArray().Should().BeEmpty();
    }

    [Test]
    public async Task Only_owners_and_managers_get_the_register_and_bad_periods_are_refused()
    {
        var (owner, propertyId) = await SesOwnerAsync();
        await CompletedCheckinAsync(propertyId);
        var manager = await RegisterAsync();
        var staff = await RegisterAsync();
        var stranger = await RegisterAsync();
        await Api.AddMemberAsync(propertyId, manager.Id, AccessLevel.Manager);
        await Api.AddMemberAsync(propertyId, staff.Id, AccessLevel.Staff, CrewService.Cleaning);
        var url = $"/properties/{propertyId}/guest-register";

        (await CsvAsync(manager.Client, url)).Should().Contain(GuestBodies.ValidNif);
        await (await staff.Client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.Client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Anonymous().GetAsync(url)).ShouldBeAsync(HttpStatusCode.Unauthorized);
        await (await owner.Client.GetAsync($"{url}?from=2026-06-10&to=2026-06-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.Client.GetAsync($"{url}?from=2020-01-01&to=2026-06-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.Client.GetAsync($"{url}?from=yesterday")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.Client.GetAsync($"{url}?from=9999-12-31")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.Client.GetAsync($"{url}?to=0001-01-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Deleting_a_property_with_registered_guests_archives_it_and_keeps_its_register()
    {
        var (owner, propertyId) = await SesOwnerAsync();
        var manager = await RegisterAsync();
        await Api.AddMemberAsync(propertyId, manager.Id, AccessLevel.Manager);
        var today = Api.Today();
        var past = await Api.AddBookingAsync(propertyId, today.AddDays(-1), today.AddDays(3), adults: 2);
        foreach (var body in new[] { GuestBodies.SpanishAdult(), GuestBodies.FrenchAdult() })
            await (await Anonymous().PostJsonAsync($"/checkin/{past.CheckinCode}/guests", body)).ShouldBeAsync(HttpStatusCode.Created);
        await Api.RunDueJobsAsync();
        var future = await Api.AddBookingAsync(propertyId, today.AddDays(10), today.AddDays(12));

        await (await owner.Client.DeleteAsync($"/properties/{propertyId}")).ShouldBeAsync(HttpStatusCode.NoContent);

        await (await owner.Client.GetAsync($"/properties/{propertyId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await owner.Client.GetAsync($"/properties/{propertyId}/bookings")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.Client.GetAsync($"/properties/{propertyId}/calendar")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await owner.Client.GetObjectAsync("/properties"))["total"]!.GetValue<int>().Should().Be(0);
        (await owner.Client.GetObjectAsync("/bookings"))["total"]!.GetValue<int>().Should().Be(0);
        (await owner.Client.GetObjectAsync("/account"))["properties_count"]!.GetValue<int>().Should().Be(0);
        (await Api.ReadBookingAsync(future.Id)).Status.Should().Be(Domain.Bookings.BookingStatus.Cancelled);
        (await Api.ReadBookingAsync(past.Id)).Status.Should().Be(Domain.Bookings.BookingStatus.Confirmed);

        (await owner.Client.GetObjectAsync("/guests"))["total"]!.GetValue<int>().Should().Be(2);
        (await manager.Client.GetObjectAsync($"/guests?property_id={propertyId}"))["total"]!.GetValue<int>().Should().Be(2);
        var csv = await CsvAsync(manager.Client, $"/properties/{propertyId}/guest-register");
        csv.Should().Contain(GuestBodies.ValidNif).And.Contain("Pierre");
        (await Api.WithDbAsync(db => db.Guests.CountAsync(g => g.PropertyId == propertyId))).Should().Be(2);
        (await owner.Client.GetObjectAsync("/ses/reports"))["reports"]!.AsArray().Select(r => r!["booking_id"]!.GetValue<string>())
            .Should().Contain(past.Id.ToString(), "its report still counts");
    }
}
