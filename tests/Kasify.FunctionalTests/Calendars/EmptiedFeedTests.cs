using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Kasify.TestFakes.Calendars;
using static Kasify.FunctionalTests.Calendars.CalendarSteps;

namespace Kasify.FunctionalTests.Calendars;

/// <summary>
/// A feed whose last future reservation was cancelled is legitimately empty, but both channels also answer an empty
/// VCALENDAR transiently (vendors.md): one empty fetch cancels nothing, a second one a sync interval later does.
/// </summary>
public sealed class EmptiedFeedTests : ApiFixture
{
    private readonly FakeFeedServer _feeds = new();

    [OneTimeTearDown]
    public void StopFeeds() => _feeds.Dispose();

    private static readonly string OneStay = new AirbnbFeed().WithReservation(D("2026-07-10"), D("2026-07-12"), code: "HMEMPTY001").Build();

    private async Task<(TestUser Owner, Guid PropertyId)> PropertyWithOneStayAsync(string path)
    {
        _feeds.ServeOk(path, OneStay, etag: "\"one\"", lastModified: Version(1));
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Full(airbnb: _feeds.UrlFor(path).ToString()));
        await Api.RunDueJobsAsync();
        (await owner.BookingsAsync(propertyId)).Stays().Should().Be("2026-07-10→2026-07-12 confirmed");
        return (owner, propertyId);
    }

    [Test]
    public async Task A_feed_whose_only_stay_disappears_cancels_it_when_an_empty_fetch_an_interval_later_confirms_it()
    {
        const string path = "/airbnb/emptied.ics";
        var (owner, propertyId) = await PropertyWithOneStayAsync(path);

        _feeds.ServeOk(path, FakeFeedServer.EmptyCalendar, etag: "\"empty\"", lastModified: Version(2));
        await owner.SyncNowAsync(Api, propertyId);
        (await owner.BookingsAsync(propertyId)).Stays().Should().Be("2026-07-10→2026-07-12 confirmed");
        (await owner.CalendarAsync(propertyId))["lastError"]!.GetValue<string>().Should().Contain("suddenly empty");
        (await owner.ActivityKindsAsync(propertyId)).Should().Contain("calendar.sync_failed").And.NotContain("booking.cancelled");

        // Asked again at once: still one miss, and the held fetch kept the old validators so the body comes whole.
        await owner.SyncNowAsync(Api, propertyId);
        _feeds.ConditionalHeaders(path).Last().IfNoneMatch.Should().Be("\"one\"");
        (await owner.BookingsAsync(propertyId)).Stays().Should().Be("2026-07-10→2026-07-12 confirmed", "two misses must be one interval apart");

        Api.Clock.Advance(TimeSpan.FromMinutes(31));
        await owner.SyncNowAsync(Api, propertyId);
        (await owner.BookingsAsync(propertyId)).Stays().Should().Be("2026-07-10→2026-07-12 cancelled");
        (await owner.ActivityKindsAsync(propertyId)).Should().Contain("booking.cancelled");
        (await owner.CalendarAsync(propertyId))["lastError"].Should().BeNull();

        // Settled: the empty feed is now simply empty, and a re-run changes nothing.
        var settled = (await owner.ActivityKindsAsync(propertyId)).Count;
        Api.Clock.Advance(TimeSpan.FromMinutes(31));
        await owner.SyncNowAsync(Api, propertyId);
        (await owner.ActivityKindsAsync(propertyId)).Count.Should().Be(settled);
        (await owner.CalendarAsync(propertyId))["lastError"].Should().BeNull();
    }

    [Test]
    public async Task A_one_off_empty_fetch_followed_by_the_full_feed_cancels_nothing()
    {
        const string path = "/airbnb/empty-once.ics";
        var (owner, propertyId) = await PropertyWithOneStayAsync(path);

        _feeds.ServeEmptyCalendar(path);
        await owner.SyncNowAsync(Api, propertyId);
        Api.Clock.Advance(TimeSpan.FromMinutes(31));
        _feeds.ServeOk(path, OneStay, etag: "\"one-again\"", lastModified: Version(3));
        await owner.SyncNowAsync(Api, propertyId);
        (await owner.CalendarAsync(propertyId))["lastError"].Should().BeNull();

        // The full feed reset the miss: the next empty fetch is a first miss again.
        Api.Clock.Advance(TimeSpan.FromMinutes(31));
        _feeds.ServeEmptyCalendar(path);
        await owner.SyncNowAsync(Api, propertyId);

        (await owner.BookingsAsync(propertyId)).Stays().Should().Be("2026-07-10→2026-07-12 confirmed");
        (await owner.CalendarAsync(propertyId))["lastError"]!.GetValue<string>().Should().Contain("suddenly empty");
        (await owner.ActivityKindsAsync(propertyId)).Should().NotContain("booking.cancelled");
    }

    [Test]
    public async Task An_empty_fetch_followed_by_a_304_an_interval_later_cancels_nothing()
    {
        const string path = "/airbnb/empty-then-304.ics";
        var (owner, propertyId) = await PropertyWithOneStayAsync(path);

        _feeds.ServeEmptyCalendar(path);
        await owner.SyncNowAsync(Api, propertyId);
        Api.Clock.Advance(TimeSpan.FromMinutes(31));
        _feeds.ServeStatus(path, 304);
        await owner.SyncNowAsync(Api, propertyId);

        (await owner.BookingsAsync(propertyId)).Stays().Should().Be("2026-07-10→2026-07-12 confirmed", "a 304 is no second look at the events");
    }

    [Test]
    public async Task An_empty_feed_during_a_stay_under_way_never_cancels_it_and_is_believed_an_interval_later()
    {
        const string path = "/airbnb/empty-during-stay.ics";
        _feeds.ServeOk(path, new AirbnbFeed().WithReservation(D("2026-05-30"), D("2026-06-03"), code: "HMEMPTY002").Build(),
            etag: "\"under-way\"", lastModified: Version(4));
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Full(airbnb: _feeds.UrlFor(path).ToString()));
        await Api.RunDueJobsAsync();

        _feeds.ServeEmptyCalendar(path);
        await owner.SyncNowAsync(Api, propertyId);
        (await owner.CalendarAsync(propertyId))["lastError"]!.GetValue<string>().Should().Contain("suddenly empty");

        Api.Clock.Advance(TimeSpan.FromMinutes(31));
        await owner.SyncNowAsync(Api, propertyId);
        (await owner.CalendarAsync(propertyId))["lastError"].Should().BeNull("two empty fetches an interval apart are believed");
        (await owner.BookingsAsync(propertyId)).Stays().Should().Be("2026-05-30→2026-06-03 confirmed", "a stay under way is never cancelled");
    }

    private static DateTimeOffset Version(int n) => new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddHours(n);
}
