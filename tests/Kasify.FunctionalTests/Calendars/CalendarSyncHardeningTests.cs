using Kasify.Application.Calendars;
using Kasify.Application.Jobs;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Kasify.Infrastructure.Persistence;
using Kasify.TestFakes.Calendars;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kasify.FunctionalTests.Calendars.CalendarSteps;

namespace Kasify.FunctionalTests.Calendars;

/// <summary>Issue 9: partial feeds, 304s and "Sync now" whatever else is pending.</summary>
public sealed class CalendarSyncHardeningTests : ApiFixture
{
    private readonly FakeFeedServer _feeds = new();

    [OneTimeTearDown]
    public void StopFeeds() => _feeds.Dispose();

    private static string FourStays(int keep = 4)
    {
        var feed = new AirbnbFeed();
        var stays = new[] { ("2026-07-01", "2026-07-03", "HMPART0001"), ("2026-07-05", "2026-07-08", "HMPART0002"),
                            ("2026-07-10", "2026-07-12", "HMPART0003"), ("2026-07-15", "2026-07-18", "HMPART0004") };
        foreach (var (from, to, code) in stays.Take(keep)) feed.WithReservation(D(from), D(to), code: code);
        return feed.Build();
    }

    private async Task<(TestUser Owner, Guid PropertyId)> SyncedPropertyAsync(string path)
    {
        _feeds.ServeOk(path, FourStays(), etag: "\"full\"", lastModified: Version(1));
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Full(airbnb: _feeds.UrlFor(path).ToString()));
        await Api.RunDueJobsAsync();
        (await owner.BookingsAsync(propertyId)).Count(b => b["status"]!.GetValue<string>() == "confirmed").Should().Be(4);
        return (owner, propertyId);
    }

    [TestCase(1, TestName = "A fetch with only one of four stays followed by a 304 cancels nothing")]
    [TestCase(3, TestName = "A fetch missing one of four stays followed by a 304 an interval later cancels nothing")]
    public async Task A_partial_fetch_followed_by_a_304_cancels_nothing(int kept)
    {
        var path = $"/airbnb/partial-then-304-{kept}.ics";
        var (owner, propertyId) = await SyncedPropertyAsync(path);

        _feeds.ServeOk(path, FourStays(keep: kept), etag: "\"partial\"", lastModified: Version(2));
        await owner.SyncNowAsync(Api, propertyId);
        Api.Clock.Advance(TimeSpan.FromMinutes(31)); // even a sync interval later, a 304 is no second look at the events
        _feeds.ServeStatus(path, 304);
        await owner.SyncNowAsync(Api, propertyId);

        (await owner.BookingsAsync(propertyId)).Should().OnlyContain(b => b["status"]!.GetValue<string>() == "confirmed");
    }

    [Test]
    public async Task A_partial_fetch_is_held_as_suspect_and_cancels_only_when_a_full_fetch_an_interval_later_confirms_it()
    {
        const string path = "/airbnb/partial.ics";
        var (owner, propertyId) = await SyncedPropertyAsync(path);

        // A half-written feed: three of four future stays gone at once, then asked again right away.
        _feeds.ServeOk(path, FourStays(keep: 1), etag: "\"partial\"", lastModified: Version(3));
        await owner.SyncNowAsync(Api, propertyId);
        (await owner.CalendarAsync(propertyId))["lastError"]!.GetValue<string>().Should().Contain("dropped 3 of 4");
        (await owner.ActivityKindsAsync(propertyId)).Should().Contain("calendar.sync_failed");
        await owner.SyncNowAsync(Api, propertyId);
        _feeds.ConditionalHeaders(path).Last().IfNoneMatch.Should().Be("\"full\"", "a suspect fetch keeps the old validators");
        (await owner.BookingsAsync(propertyId)).Should().OnlyContain(b => b["status"]!.GetValue<string>() == "confirmed");

        // One sync interval later the feed still lacks them: confirmed, cancelled.
        Api.Clock.Advance(TimeSpan.FromMinutes(31));
        await owner.SyncNowAsync(Api, propertyId);
        (await owner.BookingsAsync(propertyId)).Count(b => b["status"]!.GetValue<string>() == "cancelled").Should().Be(3);
        (await owner.CalendarAsync(propertyId))["lastError"].Should().BeNull();
    }

    [Test]
    public async Task A_partial_fetch_followed_by_the_full_feed_again_changes_nothing()
    {
        const string path = "/airbnb/partial-then-full.ics";
        var (owner, propertyId) = await SyncedPropertyAsync(path);

        _feeds.ServeOk(path, FourStays(keep: 1), etag: "\"partial\"", lastModified: Version(4));
        await owner.SyncNowAsync(Api, propertyId);
        _feeds.ServeOk(path, FourStays(), etag: "\"full-again\"", lastModified: Version(5));
        Api.Clock.Advance(TimeSpan.FromMinutes(31));
        await owner.SyncNowAsync(Api, propertyId);
        Api.Clock.Advance(TimeSpan.FromMinutes(31));
        _feeds.ServeOk(path, FourStays(keep: 3), etag: "\"three\"", lastModified: Version(6));
        await owner.SyncNowAsync(Api, propertyId);

        (await owner.BookingsAsync(propertyId)).Should().OnlyContain(b => b["status"]!.GetValue<string>() == "confirmed",
            "the full feed in between reset the misses");
    }

    [Test]
    public async Task Sync_now_fetches_at_once_even_while_a_sync_of_that_calendar_waits_in_back_off()
    {
        const string path = "/airbnb/backoff.ics";
        var (owner, propertyId) = await SyncedPropertyAsync(path);
        _feeds.ServeStatus(path, 500);
        await owner.SyncNowAsync(Api, propertyId, letTimePass: true);
        _feeds.ServeOk(path, FourStays(), etag: "\"recovered\"", lastModified: Version(7));
        var request = new CalendarSyncRequest(propertyId, Kasify.Domain.Properties.Channel.Airbnb);
        await Api.WithDbAsync(async db =>
        {
            await using var scope = Api.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IOutbox>().EnqueueAsync(CalendarSyncRequest.Kind, request,
                Api.Clock.GetUtcNow().UtcDateTime.AddMinutes(30), propertyId, request.DedupKey); // e.g. a retry in back-off
            await scope.ServiceProvider.GetRequiredService<KasifyDbContext>().SaveChangesAsync();
        });
        var fetches = _feeds.RequestCount(path);

        await owner.SyncNowAsync(Api, propertyId);

        _feeds.RequestCount(path).Should().Be(fetches + 1);
        (await owner.CalendarAsync(propertyId))["lastError"].Should().BeNull();
        (await Api.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.DedupKey == request.DedupKey && m.ProcessedAt == null && m.CancelledAt == null)))
            .Should().Be(0, "the waiting row was brought forward and run, not duplicated");
    }

    [Test]
    public async Task Overlapping_dispatcher_runs_queue_one_sync_per_calendar()
    {
        const string path = "/airbnb/overlap.ics";
        var (_, propertyId) = await SyncedPropertyAsync(path);
        Api.Clock.Advance(TimeSpan.FromMinutes(31));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            await using var scope = Api.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DueCalendarSyncDispatcher>().RunAsync(CancellationToken.None);
        })));

        (await Api.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.PropertyId == propertyId && m.Kind == CalendarSyncRequest.Kind && m.ProcessedAt == null)))
            .Should().Be(1);
        await Api.RunDueJobsAsync();
    }

    private static DateTimeOffset Version(int n) => new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero).AddHours(n);
}
