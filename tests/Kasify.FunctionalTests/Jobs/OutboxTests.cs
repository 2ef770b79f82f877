using System.Net;
using Kasify.Application.Calendars;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Kasify.TestFakes.Calendars;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Jobs;

public sealed class OutboxTests : ApiFixture
{
    // The calendar.sync job really fetches now: feeds must answer (an unreachable host would be retried on the fake clock).
    private readonly FakeFeedServer _feeds = new();

    [OneTimeTearDown]
    public void StopFeeds() => _feeds.Dispose();

    private string Feed(string path)
    {
        _feeds.ServeOk(path, FakeFeedServer.EmptyCalendar);
        return _feeds.UrlFor(path).ToString();
    }

    [Test]
    public async Task Saving_an_airbnb_url_queues_one_sync_of_that_calendar_in_the_same_transaction()
    {
        var owner = await RegisterAsync();

        var id = Guid.Parse((await (await owner.Client.PostJsonAsync("/properties", PropertyRequests.Full(airbnb: "https://airbnb.example/a.ics")))
            .ShouldBeAsync(HttpStatusCode.Created))["id"]!.ToString());
        await (await owner.Client.PutJsonAsync($"/properties/{id}", PropertyRequests.Full(airbnb: "https://airbnb.example/a.ics", name: "Same URL")))
            .ShouldBeAsync(HttpStatusCode.OK);

        var jobs = await Api.WithDbAsync(db => db.OutboxMessages.Where(m => m.PropertyId == id).ToListAsync());
        jobs.Should().ContainSingle(m => m.Kind == CalendarSyncRequest.Kind).Which.Payload.Should().Contain("Airbnb");
    }

    [Test]
    public async Task Changing_the_url_queues_another_sync_once_the_first_has_run()
    {
        var owner = await RegisterAsync();
        var id = Guid.Parse((await (await owner.Client.PostJsonAsync("/properties", PropertyRequests.Full(airbnb: Feed("/a.ics"))))
            .ShouldBeAsync(HttpStatusCode.Created))["id"]!.ToString());
        await Api.RunDueJobsAsync();

        await (await owner.Client.PutJsonAsync($"/properties/{id}", PropertyRequests.Full(airbnb: Feed("/b.ics")))).ShouldBeAsync(HttpStatusCode.OK);

        var jobs = await Api.WithDbAsync(db => db.OutboxMessages.Where(m => m.PropertyId == id && m.Kind == CalendarSyncRequest.Kind).ToListAsync());
        jobs.Should().HaveCount(2);
        jobs.Should().ContainSingle(m => m.ProcessedAt == null);
    }
}
