using System.Net;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Checkin;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Security;

/// <summary>Issue 10, item 2: a check-in link stops showing guests' data (and taking registrations) for good.</summary>
public sealed class CheckinLinkExpiryTests : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:Checkin"] = "1000" };

    private async Task<Guid> PropertyAsync() => await (await RegisterAsync()).CreatePropertyAsync();

    private async Task AssertGoneAsync(string code)
    {
        var get = await Anonymous().GetAsync($"/checkin/{code}");
        var post = await Anonymous().PostJsonAsync($"/checkin/{code}/guests", GuestBodies.SpanishAdult());

        (await get.ShouldBeProblemAsync(HttpStatusCode.Gone))["detail"]!.GetValue<string>().Should().NotContain("Lucía");
        await post.ShouldBeProblemAsync(HttpStatusCode.Gone);
    }

    [Test]
    public async Task More_than_a_day_after_checkout_the_link_is_gone_with_the_guests_data()
    {
        var propertyId = await PropertyAsync();
        var today = Api.Today();
        // Check-out yesterday 10:00 Madrid (08:00 UTC); the clock says 09:00 UTC today: 25 hours later.
        var booking = await Api.AddBookingAsync(propertyId, today.AddDays(-3), today.AddDays(-1), adults: 1);

        await AssertGoneAsync(booking.CheckinCode);
        (await Api.WithDbAsync(db => db.Guests.CountAsync(g => g.BookingId == booking.Id))).Should().Be(0);
    }

    [Test]
    public async Task Within_a_day_after_checkout_the_link_still_reads_but_registers_nobody()
    {
        var propertyId = await PropertyAsync();
        var today = Api.Today();
        var booking = await Api.AddBookingAsync(propertyId, today.AddDays(-2), today); // check-out one hour ago

        (await Anonymous().GetObjectAsync($"/checkin/{booking.CheckinCode}"))["checkin_closed"]!.GetValue<bool>().Should().BeTrue();
        await (await Anonymous().PostJsonAsync($"/checkin/{booking.CheckinCode}/guests", GuestBodies.SpanishAdult()))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        Api.Clock.Advance(TimeSpan.FromHours(24));
        await AssertGoneAsync(booking.CheckinCode);
    }

    [Test]
    public async Task A_guest_who_registered_can_no_longer_be_read_through_the_link_once_the_booking_is_cancelled()
    {
        var propertyId = await PropertyAsync();
        var today = Api.Today();
        var booking = await Api.AddBookingAsync(propertyId, today.AddDays(2), today.AddDays(4));
        await (await Anonymous().PostJsonAsync($"/checkin/{booking.CheckinCode}/guests", GuestBodies.SpanishAdult())).ShouldBeAsync(HttpStatusCode.Created);

        await Api.CancelBookingAsync(booking.Id);

        await AssertGoneAsync(booking.CheckinCode);
        (await Api.WithDbAsync(db => db.Guests.CountAsync(g => g.BookingId == booking.Id))).Should().Be(1);
    }

    [Test]
    public async Task A_blocked_period_has_a_gone_link()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        var blocked = await owner.BookAsync(propertyId, new { from = "2026-07-01", to = "2026-07-03", status = "blocked" });
        var code = await Api.WithDbAsync(db => db.Bookings.Where(b => b.Id == Guid.Parse(blocked["id"]!.ToString())).Select(b => b.CheckinCode).SingleAsync());

        await AssertGoneAsync(code);
    }

    [Test]
    public async Task Before_the_stay_is_over_a_full_party_is_still_a_409()
    {
        var propertyId = await PropertyAsync();
        var booking = await Api.AddBookingAsync(propertyId, Api.Today().AddDays(1), Api.Today().AddDays(3), adults: 1);
        await (await Anonymous().PostJsonAsync($"/checkin/{booking.CheckinCode}/guests", GuestBodies.SpanishAdult())).ShouldBeAsync(HttpStatusCode.Created);

        await (await Anonymous().PostJsonAsync($"/checkin/{booking.CheckinCode}/guests", GuestBodies.FrenchAdult()))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await Anonymous().GetAsync($"/checkin/{booking.CheckinCode}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
