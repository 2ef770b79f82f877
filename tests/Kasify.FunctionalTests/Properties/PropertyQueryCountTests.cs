using System.Net;
using Kasify.Domain.Accounts;
using Kasify.Domain.Crew;
using Kasify.Domain.Properties;
using Kasify.Domain.SmartLocks;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Properties;

public sealed class PropertyQueryCountTests : ApiFixture
{
    [Test]
    public async Task Listing_a_full_page_runs_a_small_constant_number_of_queries()
    {
        var owner = await RegisterAsync();
        await SeedAsync(owner, count: 100);

        Api.Queries.Reset();
        var small = await owner.Client.GetObjectAsync("/properties?size=10");
        var smallQueries = Api.Queries.Count;
        Api.Queries.Reset();
        var full = await owner.Client.GetObjectAsync("/properties?size=100");
        var fullQueries = Api.Queries.Count;

        small["properties"]!.AsArray().Should().HaveCount(10);
        var properties = full["properties"]!.AsArray();
        properties.Should().HaveCount(100);
        properties.Should().OnlyContain(p => p!["team"]!.AsArray().Count == 5 && p["smart_locks"]!.AsArray().Count == 1
                                             && p["calendars"]!.AsArray().Count == 2 && p["default_cleaner"] != null);
        fullQueries.Should().Be(smallQueries).And.BeLessThanOrEqualTo(8);
    }

    private async Task SeedAsync(TestUser owner, int count) =>
        await Api.WithDbAsync(async db =>
        {
            var now = Api.Clock.GetUtcNow().UtcDateTime;
            var crew = Enumerable.Range(0, 5).Select(i => new User(Guid.CreateVersion7(), "kasify-tests", $"crew-{Guid.NewGuid()}", $"crew{i}@example.test",
                $"Crew{i}", "Member", owner.AccountId, now)).ToList();
            db.Users.AddRange(crew);
            for (var i = 0; i < count; i++)
            {
                var property = Property.Create(owner.AccountId, new PropertyDetails($"Piso {i:D3}", "Calle 1", "Madrid", "28001", null, null,
                    true, 2, crew[0].Id), PropertySettings.Default, now.AddSeconds(i));
                property.SetCalendar(Channel.Airbnb, $"https://airbnb.example/{i}.ics", 30);
                property.SetCalendar(Channel.Booking, $"https://booking.example/{i}.ics", 30);
                db.Properties.Add(property);
                db.SmartLocks.Add(new SmartLock(property.Id, Guid.NewGuid(), "nuki", $"lock-{i}", $"Door {i}", now));
                foreach (var member in crew)
                    db.PropertyMembers.Add(new PropertyMember(property.Id, member.Id, AccessLevel.Staff, CrewService.Cleaning, now));
            }
            await db.SaveChangesAsync();
        });
}
