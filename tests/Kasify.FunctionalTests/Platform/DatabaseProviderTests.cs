using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Platform;

/// <summary>
/// Queries whose meaning depends on the database engine give the same answers on every provider that can run here:
/// build/test.sh runs these on SQLite and again on PostgreSQL (<see cref="TestDatabase"/>).
/// </summary>
public sealed class DatabaseProviderTests : ApiFixture
{
    [Test]
    public async Task Free_text_search_ignores_case_and_treats_wildcards_as_plain_text()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        await owner.BookAsync(propertyId, new { from = "2026-07-01", to = "2026-07-03", guest_first_name = "Zoraida", channel_id = "HMQX42" });
        await owner.BookAsync(propertyId, new { from = "2026-07-05", to = "2026-07-07", guest_first_name = "Ana", notes = "50% paid_cash" });
        var url = $"/properties/{propertyId}/bookings";

        (await owner.Client.ItemsAsync(url + "?query=zORAIDA", "bookings")).Should().ContainSingle();
        (await owner.Client.ItemsAsync(url + "?query=hmqx", "bookings")).Should().ContainSingle();
        (await owner.Client.ItemsAsync(url + "?query=%25%20PAID_", "bookings")).Should().ContainSingle("% and _ are literal");
        (await owner.Client.ItemsAsync(url + "?query=0%25", "bookings")).Should().ContainSingle();
        (await owner.Client.ItemsAsync(url + "?query=5_%25", "bookings")).Should().BeEmpty("_ is not a wildcard");
        (await owner.Client.ItemsAsync(url + "?query=%25", "bookings")).Should().ContainSingle("only one booking has a % in it");
    }

    [Test]
    public async Task Bookings_with_the_same_check_in_are_ordered_by_id_as_text_and_dates_compare_as_dates()
    {
        var owner = await RegisterAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var propertyId = await owner.CreatePropertyAsync();
            ids.Add(Guid.Parse((await owner.BookAsync(propertyId, "2026-08-10", "2026-08-12"))["id"]!.ToString()));
        }
        var earlier = await owner.CreatePropertyAsync();
        await owner.BookAsync(earlier, "2026-08-09", "2026-08-10");

        var listed = (await owner.Client.ItemsAsync("/bookings?from=2026-08-10&to=2026-08-12&size=50", "bookings"))
            .Select(b => Guid.Parse(b!["id"]!.ToString())).ToList();
        var descending = (await owner.Client.ItemsAsync("/bookings?from=2026-08-10&to=2026-08-12&sortDescending=true&size=50", "bookings"))
            .Select(b => Guid.Parse(b!["id"]!.ToString())).ToList();

        var byText = ids.OrderBy(id => id.ToString(), StringComparer.Ordinal).ToList();
        listed.Should().Equal(byText, "ties are broken by id, compared as its canonical text on every provider");
        descending.Should().Equal(Enumerable.Reverse(byText));
        (await owner.Client.ItemsAsync("/bookings?from=2026-08-09&to=2026-08-10&size=50", "bookings")).Should().ContainSingle(
            "from and to are inclusive dates: only the one-night stay fits");
    }

    [Test]
    public async Task Timestamps_come_back_as_the_same_UTC_instant()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        var booking = await owner.BookAsync(propertyId, "2026-09-01", "2026-09-03");
        var id = Guid.Parse(booking["id"]!.ToString());

        var stored = await Api.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.Id == id).Select(b => b.CreatedAt).SingleAsync());
        var found = await Api.WithDbAsync(db => db.Bookings.AsNoTracking().CountAsync(b => b.Id == id && b.CreatedAt == Api.Clock.GetUtcNow().UtcDateTime));

        stored.Kind.Should().Be(DateTimeKind.Utc);
        stored.Should().Be(Api.Clock.GetUtcNow().UtcDateTime);
        found.Should().Be(1, "a UTC parameter compares equal to the stored instant");
        booking["created_at"]!.ToString().Should().EndWith("Z");
    }
}
