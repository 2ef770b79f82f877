using System.Net;
using Kasify.Domain.Crew;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Kasify.TestFakes.Calendars;

namespace Kasify.FunctionalTests.Calendars;

public sealed class CalendarExportTests : ApiFixture
{
    private readonly FakeFeedServer _feeds = new();

    [OneTimeTearDown]
    public void StopFeeds() => _feeds.Dispose();

    private static async Task<string> ExportPathAsync(TestUser owner, Guid propertyId)
    {
        var url = (await owner.Client.GetObjectAsync($"/properties/{propertyId}"))["ical_export_url"]!.GetValue<string>();
        return new Uri(url).PathAndQuery;
    }

    [Test]
    public async Task The_export_lists_stays_and_blocks_as_all_day_events_without_guest_data()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        var stay = await owner.BookAsync(propertyId, "2026-07-01", "2026-07-05");
        var block = await owner.BookAsync(propertyId, new { from = "2026-07-10", to = "2026-07-12", status = "blocked" });
        var gone = await owner.BookAsync(propertyId, "2026-07-20", "2026-07-22");
        await owner.Client.PatchJsonAsync($"/bookings/{gone["id"]}", new { status = "cancelled" });

        var response = await Anonymous().GetAsync(await ExportPathAsync(owner, propertyId));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        var ics = await response.Content.ReadAsStringAsync();

        ics.Should().StartWith("BEGIN:VCALENDAR").And.Contain("VERSION:2.0").And.Contain("PRODID:");
        ics.Should().Contain($"UID:{stay["id"]}@kasify").And.Contain($"UID:{block["id"]}@kasify").And.NotContain(gone["id"]!.ToString());
        ics.Should().Contain("DTSTART;VALUE=DATE:20260701").And.Contain("DTEND;VALUE=DATE:20260705");
        ics.Should().NotContain("Lucía").And.NotContain("Martín").And.NotContain("lucia@").And.NotContain("600111222").And.NotContain("Late arrival");

        var again = await (await Anonymous().GetAsync(await ExportPathAsync(owner, propertyId))).Content.ReadAsStringAsync();
        again.Should().Contain($"UID:{stay["id"]}@kasify", "UIDs are stable");
    }

    [Test]
    public async Task A_wrong_or_missing_token_is_404_and_rotation_retires_the_old_url()
    {
        var owner = await RegisterAsync();
        var manager = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        await Api.AddMemberAsync(propertyId, manager.Id, AccessLevel.Manager);
        var oldPath = await ExportPathAsync(owner, propertyId);

        await (await Anonymous().GetAsync($"/properties/{propertyId}/calendar.ics")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Anonymous().GetAsync($"/properties/{propertyId}/calendar.ics?token=guess")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Anonymous().GetAsync($"/properties/{Guid.NewGuid()}/calendar.ics?token=guess")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await manager.Client.GetObjectAsync($"/properties/{propertyId}"))["ical_export_url"].Should().BeNull();
        await (await manager.Client.PostAsync($"/properties/{propertyId}/calendar-export/rotate", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var rotated = await (await owner.Client.PostAsync($"/properties/{propertyId}/calendar-export/rotate", null)).ShouldBeAsync(HttpStatusCode.OK);
        var newPath = new Uri(rotated["ical_export_url"]!.GetValue<string>()).PathAndQuery;
        newPath.Should().NotBe(oldPath).And.Be(await ExportPathAsync(owner, propertyId));
        await (await Anonymous().GetAsync(oldPath)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await Anonymous().GetAsync(newPath)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Exporting_and_importing_into_another_property_gives_the_same_stays()
    {
        var owner = await RegisterAsync();
        var source = await owner.CreatePropertyAsync();
        await owner.BookAsync(source, "2026-07-01", "2026-07-05");
        await owner.BookAsync(source, "2026-07-05", "2026-07-09");
        await owner.BookAsync(source, new { from = "2026-07-15", to = "2026-07-16", status = "blocked" });
        var ics = await (await Anonymous().GetAsync(await ExportPathAsync(owner, source))).Content.ReadAsStringAsync();
        _feeds.ServeOk("/kasify/roundtrip.ics", ics);

        var target = await owner.CreatePropertyAsync(PropertyRequests.Full("Copy",
            calendars: [new { channel = "other", url = _feeds.UrlFor("/kasify/roundtrip.ics").ToString(), syncIntervalMinutes = 30 }]));
        await Api.RunDueJobsAsync();

        (await owner.BookingsAsync(target)).Stays().Should().Be((await owner.BookingsAsync(source)).Stays());
        (await owner.CalendarAsync(target, "other"))["lastError"].Should().BeNull();
    }

    [Test]
    public async Task Our_own_export_echoed_back_by_a_channel_is_ignored()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        await owner.BookAsync(propertyId, "2026-07-01", "2026-07-05");
        var ics = await (await Anonymous().GetAsync(await ExportPathAsync(owner, propertyId))).Content.ReadAsStringAsync();
        _feeds.ServeOk("/kasify/echo.ics", ics);

        var body = PropertyRequests.Full(calendars: [new { channel = "vrbo", url = _feeds.UrlFor("/kasify/echo.ics").ToString(), syncIntervalMinutes = 30 }]);
        await (await owner.Client.PutJsonAsync($"/properties/{propertyId}", body)).ShouldBeAsync(HttpStatusCode.OK);
        await Api.RunDueJobsAsync();

        (await owner.BookingsAsync(propertyId)).Should().ContainSingle();
        (await owner.CalendarAsync(propertyId, "vrbo"))["lastError"].Should().BeNull();
        (await owner.ActivityKindsAsync(propertyId)).Should().NotContain("booking.conflict");
    }
}
