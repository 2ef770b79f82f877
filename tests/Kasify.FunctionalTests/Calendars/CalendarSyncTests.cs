using System.Net;
using Kasify.Domain.Crew;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Kasify.TestFakes.Calendars;
using static Kasify.FunctionalTests.Calendars.CalendarSteps;

namespace Kasify.FunctionalTests.Calendars;

public sealed class CalendarSyncTests : ApiFixture
{
    private readonly FakeFeedServer _feeds = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Calendars:FetchTimeoutSeconds"] = "2" };

    [OneTimeTearDown]
    public void StopFeeds() => _feeds.Dispose();

    private async Task<(TestUser Owner, Guid PropertyId)> PropertyWithAirbnbAsync(string path)
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Full(airbnb: _feeds.UrlFor(path).ToString()));
        return (owner, propertyId);
    }

    [Test]
    public async Task A_feed_driven_through_good_and_bad_syncs_is_reconciled_by_uid()
    {
        const string path = "/airbnb/journey.ics";
        _feeds.ServeOk(path, new AirbnbFeed()
            .WithReservation(D("2026-07-01"), D("2026-07-05"), code: "HMAAAAAAA1", phoneLast4: "4321")
            .WithReservation(D("2026-07-10"), D("2026-07-12"), code: "HMBBBBBBB2")
            .WithBlock(D("2026-07-20"), D("2026-07-22")).Build(), etag: "\"v1\"", lastModified: Version(1));

        // New: every UID becomes a booking.
        var (owner, propertyId) = await PropertyWithAirbnbAsync(path);
        await Api.RunDueJobsAsync();
        var bookings = await owner.BookingsAsync(propertyId);
        bookings.Stays().Should().Be("2026-07-01→2026-07-05 confirmed, 2026-07-10→2026-07-12 confirmed, 2026-07-20→2026-07-22 blocked");
        var first = bookings.Single(b => b["from"]!.GetValue<string>() == "2026-07-01");
        first["channel"]!.GetValue<string>().Should().Be("airbnb");
        first["channel_id"]!.GetValue<string>().Should().Be("HMAAAAAAA1");
        first["notes"]!.GetValue<string>().Should().Contain("4321");
        first["last_sync_at"].Should().NotBeNull();
        first["checkin_code"]!.GetValue<string>().Should().HaveLength(24);
        var calendar = await owner.CalendarAsync(propertyId);
        calendar["lastSyncAt"].Should().NotBeNull();
        calendar["lastError"].Should().BeNull();
        (await owner.ActivityKindsAsync(propertyId)).Count(k => k == "booking.imported").Should().Be(3);

        // Re-running is a no-op (the server answers 304 to our ETag).
        var activities = (await owner.ActivityKindsAsync(propertyId)).Count;
        await owner.SyncNowAsync(Api, propertyId);
        _feeds.ConditionalHeaders(path).Last().IfNoneMatch.Should().Be("\"v1\"");
        (await owner.BookingsAsync(propertyId)).Stays().Should().Be(bookings.Stays());
        (await owner.ActivityKindsAsync(propertyId)).Count.Should().Be(activities);

        // Moved, and vanished once: the move is applied, the vanished stay is kept.
        var moved = new AirbnbFeed()
            .WithReservation(D("2026-07-02"), D("2026-07-06"), code: "HMAAAAAAA1", phoneLast4: "4321")
            .WithBlock(D("2026-07-20"), D("2026-07-22")).Build();
        _feeds.ServeOk(path, moved, etag: "\"v2\"", lastModified: Version(2));
        await owner.SyncNowAsync(Api, propertyId);
        (await owner.BookingsAsync(propertyId)).Stays()
            .Should().Be("2026-07-02→2026-07-06 confirmed, 2026-07-10→2026-07-12 confirmed, 2026-07-20→2026-07-22 blocked");
        (await owner.ActivityKindsAsync(propertyId)).Should().Contain("booking.updated").And.NotContain("booking.cancelled");

        // Feed 500, empty, malformed, 10 MB, slow: nothing changes and lastError says why (the empty fetch counts first misses only).
        var before = (await owner.BookingsAsync(propertyId)).Stays();
        _feeds.ServeStatus(path, 500);
        await owner.SyncNowAsync(Api, propertyId, letTimePass: true);
        (await owner.CalendarAsync(propertyId))["lastError"]!.GetValue<string>().Should().Contain("500");

        _feeds.ServeEmptyCalendar(path);
        await owner.SyncNowAsync(Api, propertyId);
        (await owner.CalendarAsync(propertyId))["lastError"]!.GetValue<string>().Should().Contain("suddenly empty");

        _feeds.ServeMalformed(path);
        await owner.SyncNowAsync(Api, propertyId);
        (await owner.CalendarAsync(propertyId))["lastError"]!.GetValue<string>().Should().Contain("Unparsable");

        _feeds.ServeBigBody(path);
        await owner.SyncNowAsync(Api, propertyId);
        (await owner.CalendarAsync(propertyId))["lastError"]!.GetValue<string>().Should().Contain("larger than");

        _feeds.ServeSlow(path, TimeSpan.FromSeconds(10), moved);
        await owner.SyncNowAsync(Api, propertyId, letTimePass: true);
        (await owner.CalendarAsync(propertyId))["lastError"]!.GetValue<string>().Should().Contain("timed out");

        (await owner.BookingsAsync(propertyId)).Stays().Should().Be(before, "failed fetches and a one-off empty feed change no booking");
        (await owner.ActivityKindsAsync(propertyId)).Count(k => k == "calendar.sync_failed").Should().Be(5);

        // Vanished from a second good fetch, but within the sync interval of the first miss: still kept.
        _feeds.ServeOk(path, moved, etag: "\"v3\"", lastModified: Version(3));
        await owner.SyncNowAsync(Api, propertyId);
        (await owner.BookingsAsync(propertyId)).Stays().Should().Be(before, "two misses must be one sync interval apart");

        // Vanished twice (a full fetch one interval later): the future stay is cancelled; lastError is cleared.
        Api.Clock.Advance(TimeSpan.FromMinutes(31));
        _feeds.ServeOk(path, moved, etag: "\"v4\"", lastModified: Version(4));
        await owner.SyncNowAsync(Api, propertyId);
        (await owner.BookingsAsync(propertyId)).Stays()
            .Should().Be("2026-07-02→2026-07-06 confirmed, 2026-07-10→2026-07-12 cancelled, 2026-07-20→2026-07-22 blocked");
        (await owner.CalendarAsync(propertyId))["lastError"].Should().BeNull();
        (await owner.ActivityKindsAsync(propertyId)).Should().Contain("booking.cancelled");

        // And a re-run after that changes nothing.
        var settled = (await owner.ActivityKindsAsync(propertyId)).Count;
        await owner.SyncNowAsync(Api, propertyId);
        (await owner.ActivityKindsAsync(propertyId)).Count.Should().Be(settled);
    }

    [Test]
    public async Task A_stay_that_has_started_is_never_cancelled_by_a_vanished_uid()
    {
        const string path = "/airbnb/started.ics";
        _feeds.ServeOk(path, new AirbnbFeed().WithReservation(D("2026-05-30"), D("2026-06-03"), code: "HMCCCCCCC3")
            .WithReservation(D("2026-08-01"), D("2026-08-03"), code: "HMDDDDDDD4").Build(), etag: "\"a\"", lastModified: Version(4));
        var (owner, propertyId) = await PropertyWithAirbnbAsync(path);
        await Api.RunDueJobsAsync();

        _feeds.ServeOk(path, new AirbnbFeed().WithReservation(D("2026-08-01"), D("2026-08-03"), code: "HMDDDDDDD4").Build(), etag: "\"b\"", lastModified: Version(5));
        await owner.SyncNowAsync(Api, propertyId);
        await owner.SyncNowAsync(Api, propertyId);
        await owner.SyncNowAsync(Api, propertyId);

        (await owner.BookingsAsync(propertyId)).Stays().Should().Be("2026-05-30→2026-06-03 confirmed, 2026-08-01→2026-08-03 confirmed");
    }

    [Test]
    public async Task Booking_com_closed_dates_become_blocks()
    {
        const string path = "/booking/closed.ics";
        _feeds.ServeOk(path, new BookingComFeed().WithClosed(D("2026-09-01"), D("2026-09-04")).Build());
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Full(
            calendars: [new { channel = "booking", url = _feeds.UrlFor(path).ToString(), syncIntervalMinutes = 15 }]));
        await Api.RunDueJobsAsync();

        var booking = (await owner.BookingsAsync(propertyId)).Should().ContainSingle().Subject;
        booking["status"]!.GetValue<string>().Should().Be("blocked");
        booking["channel"]!.GetValue<string>().Should().Be("booking");
        booking["channel_id"]!.GetValue<string>().Should().EndWith("@booking.com");
    }

    [Test]
    public async Task An_imported_stay_overlapping_a_confirmed_one_is_kept_and_reported_as_a_conflict()
    {
        const string path = "/airbnb/conflict.ics";
        _feeds.ServeOk(path, FakeFeedServer.EmptyCalendar, etag: "\"c1\"", lastModified: Version(100));
        var (owner, propertyId) = await PropertyWithAirbnbAsync(path);
        await Api.RunDueJobsAsync();
        await owner.BookAsync(propertyId, "2026-07-01", "2026-07-05");

        _feeds.ServeOk(path, new AirbnbFeed().WithReservation(D("2026-07-03"), D("2026-07-06"), code: "HMEEEEEEE5").Build(), etag: "\"c2\"", lastModified: Version(6));
        await owner.SyncNowAsync(Api, propertyId);

        (await owner.BookingsAsync(propertyId)).Stays().Should().Be("2026-07-01→2026-07-05 confirmed, 2026-07-03→2026-07-06 confirmed");
        (await owner.ActivityKindsAsync(propertyId)).Count(k => k == "booking.conflict").Should().Be(1);

        await owner.SyncNowAsync(Api, propertyId);
        (await owner.ActivityKindsAsync(propertyId)).Count(k => k == "booking.conflict").Should().Be(1, "a re-run reports nothing new");
    }

    [Test]
    public async Task The_dispatcher_queues_calendars_whose_interval_has_passed_with_conditional_requests()
    {
        const string path = "/airbnb/interval.ics";
        _feeds.ServeOk(path, new AirbnbFeed().WithReservation(D("2026-07-01"), D("2026-07-05"), code: "HMFFFFFFF6").Build(), etag: "\"i1\"", lastModified: Version(7));
        var (_, propertyId) = await PropertyWithAirbnbAsync(path);
        await Api.RunDueJobsAsync();
        var fetches = _feeds.RequestCount(path);

        await RunDispatcherAsync();
        await Api.RunDueJobsAsync();
        _feeds.RequestCount(path).Should().Be(fetches, "the calendar is not due before its 30 minutes");

        Api.Clock.Advance(TimeSpan.FromMinutes(31));
        (await RunDispatcherAsync()).Should().BeGreaterThanOrEqualTo(1);
        await Api.RunDueJobsAsync();
        _feeds.RequestCount(path).Should().Be(fetches + 1);
        _feeds.ConditionalHeaders(path).Last().IfNoneMatch.Should().Be("\"i1\"");
        await Api.WithDbAsync(async db =>
            (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.PropertyCalendars, c => c.PropertyId == propertyId))
            .NextSyncAt.Should().BeAfter(Api.Clock.GetUtcNow().UtcDateTime));
    }

    [Test]
    public async Task Only_owners_and_managers_can_ask_for_a_sync()
    {
        var (owner, propertyId) = await PropertyWithAirbnbAsync("/airbnb/roles.ics");
        var staff = await RegisterAsync();
        var stranger = await RegisterAsync();
        await Api.AddMemberAsync(propertyId, staff.Id, AccessLevel.Staff, CrewService.Cleaning);

        await (await staff.Client.PostAsync($"/properties/{propertyId}/calendars/sync", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.Client.PostAsync($"/properties/{propertyId}/calendars/sync", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await owner.Client.PostAsync($"/properties/{propertyId}/calendars/sync", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    /// <summary>A new version of a feed has a new ETag and a new Last-Modified, as real servers send.</summary>
    private static DateTimeOffset Version(int n) => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(n);

    private Task<int> RunDispatcherAsync() => Api.WithDbAsync(async _ =>
    {
        await using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(Api.Services);
        return await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Kasify.Application.Calendars.DueCalendarSyncDispatcher>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    });
}
