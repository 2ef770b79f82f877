using System.Text;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Kasify.TestFakes.Calendars;
using static Kasify.FunctionalTests.Calendars.CalendarSteps;

namespace Kasify.FunctionalTests.Security;

/// <summary>Issue 10, items 4 and 12: feeds with impossible dates or with far too many events.</summary>
public sealed class HostileFeedTests : ApiFixture
{
    private readonly FakeFeedServer _feeds = new();

    [OneTimeTearDown]
    public void StopFeeds() => _feeds.Dispose();

    private async Task<(TestUser Owner, Guid PropertyId)> PropertyWithFeedAsync(string path)
    {
        var owner = await RegisterAsync();
        return (owner, await owner.CreatePropertyAsync(PropertyRequests.Full(airbnb: _feeds.UrlFor(path).ToString())));
    }

    [Test]
    public async Task Events_dated_near_year_9999_or_year_1_are_skipped_and_reported_while_the_rest_is_imported()
    {
        const string path = "/hostile/dates.ics";
        _feeds.ServeOk(path, new AirbnbFeed()
            .WithReservation(D("2026-07-01"), D("2026-07-05"), code: "HMGOOD00001")
            .WithReservation(D("9999-12-25"), D("9999-12-31"), code: "HMFAR000001")
            .WithBlock(D("0001-01-01"), D("0001-01-03"))
            .Build());

        var (owner, propertyId) = await PropertyWithFeedAsync(path);
        await Api.RunDueJobsAsync();

        (await owner.BookingsAsync(propertyId)).Stays().Should().Be("2026-07-01→2026-07-05 confirmed");
        (await owner.CalendarAsync(propertyId))["lastError"].Should().BeNull();
        var skipped = (await owner.Client.ItemsAsync($"/timeline/activity?size=100&property_id={propertyId}", "activities"))
            .Where(a => a!["kind"]!.GetValue<string>() == "calendar.event_skipped").Select(a => a!["summary"]!.GetValue<string>()).ToList();
        skipped.Should().HaveCount(2).And.Contain(s => s.Contains("9999-12-25")).And.Contain(s => s.Contains("0001-01-01"));

        await owner.SyncNowAsync(Api, propertyId);
        (await owner.Client.ItemsAsync($"/timeline/activity?size=100&property_id={propertyId}", "activities"))
            .Count(a => a!["kind"]!.GetValue<string>() == "calendar.event_skipped").Should().Be(2, "each skipped event is reported once");
    }

    [Test]
    public async Task A_feed_with_more_events_than_the_cap_fails_with_lastError_and_changes_nothing()
    {
        const string path = "/hostile/flood.ics";
        _feeds.ServeOk(path, new AirbnbFeed().WithReservation(D("2026-07-01"), D("2026-07-05"), code: "HMKEEP00001").Build(), etag: "\"v1\"");
        var (owner, propertyId) = await PropertyWithFeedAsync(path);
        await Api.RunDueJobsAsync();
        var before = (await owner.BookingsAsync(propertyId)).Stays();

        _feeds.ServeOk(path, Flood(5001), etag: "\"v2\"", lastModified: new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
        await owner.SyncNowAsync(Api, propertyId);

        (await owner.CalendarAsync(propertyId))["lastError"]!.GetValue<string>().Should().Contain("more than 5000 events");
        (await owner.BookingsAsync(propertyId)).Stays().Should().Be(before);
    }

    private static string Flood(int events)
    {
        var text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Hostile//EN\r\n");
        var day = new DateOnly(2027, 1, 1);
        for (var i = 0; i < events; i++)
            text.Append($"BEGIN:VEVENT\r\nUID:flood-{i}@hostile\r\nDTSTART;VALUE=DATE:{day.AddDays(i % 300):yyyyMMdd}\r\n" +
                        $"DTEND;VALUE=DATE:{day.AddDays(i % 300 + 1):yyyyMMdd}\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\n");
        return text.Append("END:VCALENDAR\r\n").ToString();
    }
}
