using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;

namespace Kasify.FunctionalTests.Bookings;

/// <summary>Issue 14's guard for <c>POST /properties/{id}/bookings</c>: SQL commands per creation, counted (never timed).</summary>
public sealed class BookingCreateCostTests : ApiFixture
{
    /// <summary>
    /// Measured in docs/performance.md ("Creating a booking"): the caller, the property, the stays around with their
    /// cleaning tasks, the waiting checkout jobs of the neighbours (one query for all), the inserts, the property's
    /// version and the re-timed task.
    /// </summary>
    private const int MaxCommandsPerCreation = 19;

    [Test]
    public async Task Creating_a_booking_next_to_others_costs_a_fixed_small_number_of_sql_commands()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        var first = DateOnly.FromDateTime(Api.Clock.GetUtcNow().UtcDateTime).AddDays(40);
        // Stays three days apart: from the fourth on, each new one has the same three neighbours checking out in the 7 days before.
        for (var i = 0; i < 3; i++)
            await owner.BookAsync(propertyId, first.AddDays(3 * i).ToString("O"), first.AddDays(3 * i + 2).ToString("O"));

        var counts = new List<int>();
        for (var i = 3; i < 6; i++)
        {
            Api.Queries.Reset();
            await owner.BookAsync(propertyId, first.AddDays(3 * i).ToString("O"), first.AddDays(3 * i + 2).ToString("O"));
            counts.Add(Api.Queries.Count);
        }

        TestContext.Out.WriteLine($"SQL commands per creation: {string.Join(", ", counts)}");
        counts.Should().AllBeEquivalentTo(counts[0], "each creation with the same neighbours does the same work");
        counts[0].Should().BeLessThanOrEqualTo(MaxCommandsPerCreation);
    }
}
