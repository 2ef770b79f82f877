using System.Text.Json.Nodes;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Calendars;

public static class CalendarSteps
{
    public static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs due jobs while the fake clock moves 100 ms every 25 real ms, so fetch retries and timeouts elapse.</summary>
    public static async Task RunJobsWhileTimePassesAsync(this KasifyApiFactory api)
    {
        var run = api.RunDueJobsAsync();
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(25));
            if (!run.IsCompleted) api.Clock.Advance(TimeSpan.FromMilliseconds(100));
        }
        await run;
    }

    public static async Task<JsonObject> CalendarAsync(this TestUser owner, Guid propertyId, string channel = "airbnb") =>
        (await owner.Client.GetObjectAsync($"/properties/{propertyId}"))["calendars"]!.AsArray()
            .Single(c => c!["channel"]!.GetValue<string>() == channel)!.AsObject();

    public static async Task<List<JsonObject>> BookingsAsync(this TestUser owner, Guid propertyId) =>
        (await owner.Client.ItemsAsync($"/properties/{propertyId}/bookings?size=100", "bookings")).Select(b => b!.AsObject()).ToList();

    public static async Task<List<string>> ActivityKindsAsync(this TestUser owner, Guid propertyId) =>
        (await owner.Client.ItemsAsync($"/timeline/activity?size=100&property_id={propertyId}", "activities"))
            .Select(a => a!["kind"]!.GetValue<string>()).ToList();

    public static async Task SyncNowAsync(this TestUser owner, KasifyApiFactory api, Guid propertyId, bool letTimePass = false)
    {
        (await owner.Client.PostAsync($"/properties/{propertyId}/calendars/sync", null)).StatusCode.Should().Be(System.Net.HttpStatusCode.Accepted);
        if (letTimePass) await api.RunJobsWhileTimePassesAsync();
        else await api.RunDueJobsAsync();
    }

    public static string Stays(this IEnumerable<JsonObject> bookings) =>
        string.Join(", ", bookings.OrderBy(b => b["from"]!.GetValue<string>())
            .Select(b => $"{b["from"]}→{b["to"]} {b["status"]}"));
}
