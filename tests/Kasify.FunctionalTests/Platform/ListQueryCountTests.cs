using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;
using Kasify.Domain.Tasks;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Platform;

/// <summary>
/// Issue 14's guard in CI, as counts rather than times: every list endpoint answers a page with a fixed number of SQL
/// commands, the same for a page of 10 as for a page of 100 (a per-row query would make /tasks cost 2 commands per
/// task again), and no more than today. <c>build/Kasify.Benchmarks http</c> prints the same counts at scale.
/// </summary>
public sealed class ListQueryCountTests : ApiFixture
{
    private TestUser _owner = null!;
    private Guid _firstProperty;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _owner = await RegisterAsync();
        _firstProperty = await SeedPropertiesAsync(_owner, properties: 3, bookingsEach: 120);
        await _owner.Client.GetObjectAsync("/account"); // the caller's last-seen stamp is written once, not in the counts below
    }

    [TestCase("/properties", 6)]
    [TestCase("/bookings", 8)]
    [TestCase("/properties/{id}/bookings", 7)]
    [TestCase("/tasks", 10)]
    [TestCase("/timeline/activity", 5)]
    public async Task A_page_of_100_costs_the_same_fixed_number_of_queries_as_a_page_of_10(string path, int atMost)
    {
        var url = path.Replace("{id}", _firstProperty.ToString(), StringComparison.Ordinal);

        var (small, smallItems) = await CountAsync($"{url}?size=10");
        var (full, fullItems) = await CountAsync($"{url}?size=100");

        if (path == "/properties") smallItems.Should().Be(3);
        else (smallItems, fullItems).Should().Be((10, 100));
        full.Should().Be(small, "a page costs a fixed number of queries, whatever its size");
        full.Should().BeLessThanOrEqualTo(atMost);
    }

    [TestCase("/calendar/upcoming", 8)]
    [TestCase("/timeline/upcoming", 8)]
    [TestCase("/account", 2)]
    public async Task Dashboard_reads_cost_a_fixed_number_of_queries(string url, int atMost)
    {
        Api.Queries.Reset();
        (await _owner.Client.GetAsync(url)).EnsureSuccessStatusCode();
        Api.Queries.Count.Should().BeLessThanOrEqualTo(atMost);
    }

    private async Task<(int Queries, int Items)> CountAsync(string url)
    {
        Api.Queries.Reset();
        var page = await _owner.Client.GetObjectAsync(url);
        var queries = Api.Queries.Count;
        var items = page.Single(p => p.Value is System.Text.Json.Nodes.JsonArray).Value!.AsArray().Count;
        return (queries, items);
    }

    /// <summary>Stays a week apart around the clock's today, each with its cleaning task and an activity, straight into the database.</summary>
    private async Task<Guid> SeedPropertiesAsync(TestUser owner, int properties, int bookingsEach) =>
        await Api.WithDbAsync(async db =>
        {
            var now = Api.Clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            Guid? first = null;
            for (var p = 0; p < properties; p++)
            {
                var property = Property.Create(owner.AccountId, new PropertyDetails($"Piso {p}", "Calle 1", "Madrid", "28001", null, null,
                    null, null, null), PropertySettings.Default, now.AddSeconds(p));
                property.PopDomainEvents();
                db.Properties.Add(property);
                first ??= property.Id;
                for (var b = 0; b < bookingsEach; b++)
                {
                    var from = today.AddDays(7 * (b - bookingsEach / 2));
                    var booking = Booking.Create(property.Id, StayPeriod.Create(from, from.AddDays(3), new TimeOnly(15, 0), new TimeOnly(11, 0)),
                        Channel.Airbnb, null, BookingStatus.Confirmed, GuestDetails.None, now);
                    booking.PopDomainEvents();
                    db.Bookings.Add(booking);
                    var checkout = from.AddDays(3).ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc);
                    var task = PropertyTask.Create(property.Id, TaskType.Cleaning, checkout, checkout.AddHours(3), booking.Id, owner.Id, null, now);
                    task.PopDomainEvents();
                    db.Tasks.Add(task);
                    db.Activities.Add(new Kasify.Domain.Timeline.Activity(now, "booking.created", "Booking created", "booking", booking.Id,
                        property.Id, property.Name, null, null));
                }
            }
            await db.SaveChangesAsync();
            return first!.Value;
        });
}
