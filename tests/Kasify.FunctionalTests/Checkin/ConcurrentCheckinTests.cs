using System.Net;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Checkin;

/// <summary>Guests of one stay filling in the form on their own phones at the same moment.</summary>
public sealed class ConcurrentCheckinTests : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:Checkin"] = "1000" };

    private async Task<SeededBooking> BookingAsync(int adults)
    {
        var propertyId = await (await RegisterAsync()).CreatePropertyAsync();
        var from = Api.Today().AddDays(2);
        return await Api.AddBookingAsync(propertyId, from, from.AddDays(3), adults, 0, 0);
    }

    private async Task<HttpStatusCode[]> RegisterAtOnceAsync(string code, int guests)
    {
        var responses = await Task.WhenAll(Enumerable.Range(1, guests).Select(i =>
            Anonymous().PostJsonAsync($"/checkin/{code}/guests", GuestBodies.SpanishAdult($"Guest{i}"))));
        return responses.Select(r => r.StatusCode).ToArray();
    }

    [Test]
    public async Task Every_guest_of_a_party_registering_at_the_same_moment_is_registered_and_the_checkin_completes_once()
    {
        var booking = await BookingAsync(adults: 6);

        var statuses = await RegisterAtOnceAsync(booking.CheckinCode, 6);

        statuses.Should().AllBeEquivalentTo(HttpStatusCode.Created);
        (await Api.WithDbAsync(db => db.Guests.CountAsync(g => g.BookingId == booking.Id))).Should().Be(6);
        (await Api.ReadBookingAsync(booking.Id)).CheckinCompletedAt.Should().NotBeNull();
        var kinds = await Api.WithDbAsync(db => db.Activities.Where(a => a.SubjectId == booking.Id).Select(a => a.Kind).ToListAsync());
        kinds.Count(k => k == "checkin.guest_registered").Should().Be(6);
        kinds.Count(k => k == "checkin.completed").Should().Be(1);
    }

    [Test]
    public async Task More_registrations_at_once_than_the_party_fill_it_and_the_rest_are_refused_as_full()
    {
        var booking = await BookingAsync(adults: 2);

        var statuses = await RegisterAtOnceAsync(booking.CheckinCode, 5);

        statuses.Count(s => s == HttpStatusCode.Created).Should().Be(2);
        statuses.Count(s => s == HttpStatusCode.Conflict).Should().Be(3);
        (await Api.WithDbAsync(db => db.Guests.CountAsync(g => g.BookingId == booking.Id))).Should().Be(2);
    }
}
