using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Kasify.TestFakes.Calendars;
using Kasify.TestFakes.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Calendars;

/// <summary>
/// Issue 14's guard: the work of a calendar import, counted (never timed), grows linearly with the feed. Counts come from
/// the SQL commands sent and from EF's full change-detection passes; both are deterministic on a loaded CI machine.
/// </summary>
public sealed class CalendarImportCostTests : ApiFixture
{
    private readonly FakeFeedServer _feeds = new();
    private readonly ChangeDetectionCounter _detections = new();

    [OneTimeTearDown]
    public void StopCounting()
    {
        _feeds.Dispose();
        _detections.Dispose();
    }

    [Test]
    public async Task Each_imported_event_costs_the_same_sql_whatever_the_feed_size_and_change_detection_does_not_grow()
    {
        var owner = await RegisterAsync();

        var small = await ImportAsync(owner, events: 25);
        var medium = await ImportAsync(owner, events: 50);
        var large = await ImportAsync(owner, events: 100);

        TestContext.Out.WriteLine($"SQL commands 25/50/100 events: {small.Commands}/{medium.Commands}/{large.Commands}; " +
                                  $"DetectChanges passes: {small.Detections}/{medium.Detections}/{large.Detections}");
        small.Bookings.Should().Be(25);
        medium.Bookings.Should().Be(50);
        large.Bookings.Should().Be(100);
        small.Tasks.Should().Be(25);
        large.Tasks.Should().Be(100);

        // Linear total: the 50 events the large feed adds to the medium one cost twice what the medium adds to the small.
        // (SQLite sends one command per inserted row; PostgreSQL batches them, so there it adds nothing at all.)
        var perEventSmallToMedium = (medium.Commands - small.Commands) / 25.0;
        var perEventMediumToLarge = (large.Commands - medium.Commands) / 50.0;
        small.Commands.Should().BePositive();
        perEventSmallToMedium.Should().BeGreaterThanOrEqualTo(0);
        perEventMediumToLarge.Should().BeApproximately(perEventSmallToMedium, 0.25);
        perEventMediumToLarge.Should().BeLessThanOrEqualTo(MaxCommandsPerEvent);

        // A full DetectChanges scans every tracked entity: a count that grew with the feed would make the import quadratic.
        small.Detections.Should().BePositive();
        large.Detections.Should().Be(small.Detections);
    }

    [Test]
    public async Task Syncing_an_unchanged_feed_again_costs_the_same_sql_and_change_detection_whatever_the_feed_size()
    {
        var owner = await RegisterAsync();
        var small = await ImportAsync(owner, events: 25);
        var large = await ImportAsync(owner, events: 100);
        Api.Clock.Advance(TimeSpan.FromHours(1)); // a later sync, as in production: every booking is seen again

        var smallAgain = await SyncSameBodyAgainAsync(owner, small);
        var largeAgain = await SyncSameBodyAgainAsync(owner, large);

        TestContext.Out.WriteLine($"SQL commands again 25/100 events: {smallAgain.Commands}/{largeAgain.Commands}; " +
                                  $"DetectChanges passes: {smallAgain.Detections}/{largeAgain.Detections}");
        (await BookingCountAsync(small.PropertyId)).Should().Be(25);
        (await BookingCountAsync(large.PropertyId)).Should().Be(100);
        // The "last seen" stamps are one statement per calendar (see docs/performance.md); nothing is read or written per event.
        largeAgain.Commands.Should().Be(smallAgain.Commands);
        largeAgain.Detections.Should().Be(smallAgain.Detections);
        (await Api.WithDbAsync(db => db.Bookings.CountAsync(b => b.PropertyId == large.PropertyId && b.LastSyncAt == Api.Clock.GetUtcNow().UtcDateTime)))
            .Should().Be(100, "every booking the feed still has is stamped as seen by this sync");
    }

    /// <summary>
    /// The inserts alone (booking, task, two activities, two outbox rows; SQLite sends one command per row): nothing is read
    /// per event. Was 10 before the per-event reads went, 17 on the regressed code (docs/performance.md).
    /// </summary>
    private const double MaxCommandsPerEvent = 6;

    private sealed record ImportCost(Guid PropertyId, string Path, string Body, int Commands, int Detections, int Bookings, int Tasks);

    private async Task<ImportCost> ImportAsync(TestUser owner, int events)
    {
        var path = $"/cost/{Guid.NewGuid():N}.ics";
        var feed = new AirbnbFeed();
        var start = DateOnly.FromDateTime(Api.Clock.GetUtcNow().UtcDateTime).AddDays(30);
        for (var e = 0; e < events; e++)
            feed.WithReservation(start.AddDays(3 * e), start.AddDays(3 * e + 2), code: $"HM{events:D4}{e:D4}");
        var body = feed.Build();
        _feeds.ServeOk(path, body);
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Full(airbnb: _feeds.UrlFor(path).ToString()));

        var (commands, detections) = await CountRunningDueJobsAsync();
        var (bookings, tasks) = await Api.WithDbAsync(async db => (
            await db.Bookings.CountAsync(b => b.PropertyId == propertyId),
            await db.Tasks.CountAsync(t => t.PropertyId == propertyId)));
        return new ImportCost(propertyId, path, body, commands, detections, bookings, tasks);
    }

    /// <summary>The same body under a new validator, so the server answers 200 and the feed is reconciled in full.</summary>
    private async Task<(int Commands, int Detections)> SyncSameBodyAgainAsync(TestUser owner, ImportCost imported)
    {
        _feeds.ServeOk(imported.Path, imported.Body, etag: "\"v2\"", lastModified: new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
        (await owner.Client.PostAsync($"/properties/{imported.PropertyId}/calendars/sync", null)).StatusCode
            .Should().Be(System.Net.HttpStatusCode.Accepted);
        var cost = await CountRunningDueJobsAsync();
        _feeds.RequestCount(imported.Path).Should().Be(2);
        return cost;
    }

    private async Task<(int Commands, int Detections)> CountRunningDueJobsAsync()
    {
        Api.Queries.Reset();
        _detections.Start();
        await Api.RunDueJobsAsync();
        _detections.Stop();
        return (Api.Queries.Count, _detections.Count);
    }

    private Task<int> BookingCountAsync(Guid propertyId) =>
        Api.WithDbAsync(db => db.Bookings.CountAsync(b => b.PropertyId == propertyId));
}
