using System.Net;
using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Tasks;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Bookings;

/// <summary>
/// Hosts (or their tools) creating bookings on one property at the same time: stays on other dates are all created, with
/// the cleaning windows they imply, and the same dates are never booked twice (issue 14's POST benchmark got 409s).
/// </summary>
public sealed class ConcurrentBookingTests : ApiFixture
{
    private const int AtOnce = 8;

    [Test]
    public async Task Bookings_of_different_dates_made_at_once_on_one_property_are_all_created()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        var first = DateOnly.FromDateTime(Api.Clock.GetUtcNow().UtcDateTime).AddDays(40);

        // Three days apart: each stay is the next check-in of the one before, so every creation re-times a neighbour's task.
        var statuses = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(i =>
            PostAsync(owner, propertyId, first.AddDays(3 * i), first.AddDays(3 * i + 2))));

        statuses.Should().AllBeEquivalentTo(HttpStatusCode.Created);
        var (stays, tasks, timeZone) = await Api.WithDbAsync(async db => (
            await db.Bookings.Where(b => b.PropertyId == propertyId).OrderBy(b => b.From).ToListAsync(),
            await db.Tasks.Where(t => t.PropertyId == propertyId && t.TaskType == TaskType.Cleaning).ToListAsync(),
            await db.Properties.Where(p => p.Id == propertyId).Select(p => p.TimeZone).SingleAsync()));
        stays.Should().HaveCount(AtOnce);
        tasks.Should().HaveCount(AtOnce);
        for (var i = 0; i < AtOnce - 1; i++)
        {
            var task = tasks.Single(t => t.BookingId == stays[i].Id);
            task.To.Should().Be(TimeZones.ToUtc(stays[i + 1].From, stays[i + 1].CheckinTime, timeZone),
                "the cleaning window of a stay ends at the next check-in, whichever of the two was committed first");
        }
    }

    [Test]
    public async Task The_same_dates_booked_at_once_are_created_once_and_refused_as_an_overlap_otherwise()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        var from = DateOnly.FromDateTime(Api.Clock.GetUtcNow().UtcDateTime).AddDays(40);

        var statuses = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => PostAsync(owner, propertyId, from, from.AddDays(2))));

        statuses.Count(s => s == HttpStatusCode.Created).Should().Be(1);
        statuses.Count(s => s == HttpStatusCode.Conflict).Should().Be(AtOnce - 1);
        (await Api.WithDbAsync(db => db.Bookings.CountAsync(b => b.PropertyId == propertyId && b.Status == BookingStatus.Confirmed)))
            .Should().Be(1);
    }

    private static async Task<HttpStatusCode> PostAsync(TestUser owner, Guid propertyId, DateOnly from, DateOnly to)
    {
        using var response = await owner.Client.PostJsonAsync($"/properties/{propertyId}/bookings",
            BookingSteps.Guest(from.ToString("O"), to.ToString("O")));
        if (response.StatusCode == HttpStatusCode.Conflict)
            (await response.Content.ReadAsStringAsync()).Should().Contain("overlap", "a refusal must be the overlap rule, not a lost race");
        return response.StatusCode;
    }
}
