using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Checkin;

public sealed class CheckinTests : ApiFixture
{
    private static readonly string[] SnapshotKeys =
        ["property", "from", "to", "guests_number", "booking_code", "guests", "checkin_completed", "checkin_closed", "has_minors"];

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:Checkin"] = "1000" };

    private async Task<Guid> CreatePropertyAsync() => await (await RegisterAsync()).CreatePropertyAsync();

    private async Task<SeededBooking> BookingAsync(int adults = 2, int children = 0, int infants = 0, int startsInDays = 2)
    {
        var propertyId = await CreatePropertyAsync();
        var from = Api.Today().AddDays(startsInDays);
        return await Api.AddBookingAsync(propertyId, from, from.AddDays(3), adults, children, infants);
    }

    private Task<HttpResponseMessage> RegisterGuestAsync(string code, object body) => Anonymous().PostJsonAsync($"/checkin/{code}/guests", body);

    [Test]
    public async Task A_family_checks_in_guest_by_guest_and_the_last_one_completes_the_checkin()
    {
        var booking = await BookingAsync(adults: 2, children: 1, infants: 1);

        var before = await Anonymous().GetObjectAsync($"/checkin/{booking.CheckinCode}");
        before.Select(p => p.Key).Should().Equal(SnapshotKeys);
        before["property"]!.AsObject().Select(p => p.Key).Should().Equal("name", "address", "city", "country", "checkin_time", "checkout_time");
        before["property"]!["name"]!.GetValue<string>().Should().Be("Casa Azul");
        before["property"]!["checkin_time"]!.GetValue<string>().Should().Be("15:30");
        before["guests_number"]!.GetValue<int>().Should().Be(3);
        before["booking_code"]!.GetValue<string>().Should().Be(booking.ChannelId);
        before["guests"]!.AsArray().Should().BeEmpty();
        before["checkin_completed"]!.GetValue<bool>().Should().BeFalse();
        before["checkin_closed"]!.GetValue<bool>().Should().BeFalse();
        before["has_minors"]!.GetValue<bool>().Should().BeTrue();

        var first = await (await RegisterGuestAsync(booking.CheckinCode, GuestBodies.SpanishAdult())).ShouldBeAsync(HttpStatusCode.Created);
        first["guests"]!.AsArray().Should().HaveCount(1);
        first["checkin_completed"]!.GetValue<bool>().Should().BeFalse();
        await (await RegisterGuestAsync(booking.CheckinCode, GuestBodies.FrenchAdult())).ShouldBeAsync(HttpStatusCode.Created);
        var last = await (await RegisterGuestAsync(booking.CheckinCode, GuestBodies.Child())).ShouldBeAsync(HttpStatusCode.Created);

        last["checkin_completed"]!.GetValue<bool>().Should().BeTrue();
        var guests = last["guests"]!.AsArray();
        guests.Select(g => g!["first_name"]!.GetValue<string>()).Should().Equal("Lucía", "Pierre", "Pablo");
        guests.Should().AllSatisfy(g => g!.AsObject().Should().NotContainKey("document_number").And.NotContainKey("document_support_number"));
        guests[1]!["nationality_country_code"]!.GetValue<string>().Should().Be("FR");
        guests[2]!["relationship_code"]!.GetValue<string>().Should().Be("HJ");
        last.ToJsonString().Should().NotContain(GuestBodies.ValidNif);

        var stored = await Api.ReadBookingAsync(booking.Id);
        stored.CheckinCompletedAt.Should().Be(Api.Clock.GetUtcNow().UtcDateTime);
        var kinds = await Api.WithDbAsync(db => db.Activities.Where(a => a.SubjectId == booking.Id).Select(a => a.Kind).ToListAsync());
        kinds.Count(k => k == "checkin.guest_registered").Should().Be(3);
        kinds.Count(k => k == "checkin.completed").Should().Be(1);

        var fourth = await RegisterGuestAsync(booking.CheckinCode, GuestBodies.SpanishAdult("Otra"));
        (await fourth.ShouldBeProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>().Should().Contain("already registered");
    }

    [Test]
    public async Task Missing_fields_are_reported_one_by_one_and_nothing_is_stored()
    {
        var booking = await BookingAsync();

        var problem = await (await RegisterGuestAsync(booking.CheckinCode, new { first_name = " " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Select(e => e.Key).Should().Contain(["first_name", "last_name", "nationality_country_code", "date_of_birth", "sex"]);
        (await Api.WithDbAsync(db => db.Guests.CountAsync(g => g.BookingId == booking.Id))).Should().Be(0);
    }

    [Test]
    public async Task A_wrong_NIF_check_letter_and_a_Spanish_residence_without_city_are_rejected()
    {
        var booking = await BookingAsync();
        var body = GuestBodies.SpanishAdult().With("document_number", "12345678A").With("residence_city_id", null);

        var problem = await (await RegisterGuestAsync(booking.CheckinCode, body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Select(e => e.Key).Should().BeEquivalentTo("document_number", "residence_city_id");
    }

    [Test]
    public async Task An_adult_without_document_or_contact_and_a_minor_without_relationship_are_rejected()
    {
        var booking = await BookingAsync(adults: 1, children: 1);
        var adult = GuestBodies.FrenchAdult().With("document_type", null).With("document_number", null).With("email", null);

        var adultProblem = await (await RegisterGuestAsync(booking.CheckinCode, adult)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var childProblem = await (await RegisterGuestAsync(booking.CheckinCode, GuestBodies.Child().With("relationship_code", null)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        adultProblem.Errors().Select(e => e.Key).Should().BeEquivalentTo("document_type", "phone", "email");
        childProblem.Errors().Select(e => e.Key).Should().BeEquivalentTo("relationship_code");
    }

    [Test]
    public async Task Malformed_json_and_wrong_types_are_400_problems()
    {
        var booking = await BookingAsync();

        var malformed = await Anonymous().PostAsync($"/checkin/{booking.CheckinCode}/guests", new StringContent("{\"first_name\":", Encoding.UTF8, "application/json"));
        var wrongDate = await RegisterGuestAsync(booking.CheckinCode, GuestBodies.SpanishAdult().With("date_of_birth", "12/04/1985"));

        await malformed.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await wrongDate.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task After_checkout_in_the_property_time_zone_the_checkin_is_closed()
    {
        var propertyId = await CreatePropertyAsync();
        var today = Api.Today();
        // Check-out today at 10:00 Madrid (08:00 UTC in summer); the clock says 09:00 UTC.
        var booking = await Api.AddBookingAsync(propertyId, today.AddDays(-3), today);

        var snapshot = await Anonymous().GetObjectAsync($"/checkin/{booking.CheckinCode}");
        var post = await RegisterGuestAsync(booking.CheckinCode, GuestBodies.SpanishAdult());

        snapshot["checkin_closed"]!.GetValue<bool>().Should().BeTrue();
        await post.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await Api.WithDbAsync(db => db.Guests.CountAsync(g => g.BookingId == booking.Id))).Should().Be(0);
    }

    [Test]
    public async Task A_cancelled_booking_has_a_gone_checkin()
    {
        var booking = await BookingAsync();
        await Api.CancelBookingAsync(booking.Id);

        var snapshot = await Anonymous().GetAsync($"/checkin/{booking.CheckinCode}");
        var post = await RegisterGuestAsync(booking.CheckinCode, GuestBodies.SpanishAdult());

        await snapshot.ShouldBeProblemAsync(HttpStatusCode.Gone);
        await post.ShouldBeProblemAsync(HttpStatusCode.Gone);
    }

    [Test]
    public async Task An_unknown_code_is_404()
    {
        await (await Anonymous().GetAsync("/checkin/not-a-real-code")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await RegisterGuestAsync("not-a-real-code", GuestBodies.SpanishAdult())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_document_number_is_stored_encrypted()
    {
        var booking = await BookingAsync(adults: 1);

        await (await RegisterGuestAsync(booking.CheckinCode, GuestBodies.SpanishAdult())).ShouldBeAsync(HttpStatusCode.Created);

        var raw = await Api.WithDbAsync(db => db.Database
            .SqlQuery<string>($"SELECT \"ProtectedDocumentNumber\" AS \"Value\" FROM \"Guests\" WHERE \"BookingId\" = {booking.Id}").SingleAsync());
        raw.Should().NotBeNullOrEmpty().And.NotContain(GuestBodies.ValidNif);
    }
}

public sealed class CheckinRateLimitTests : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:Checkin"] = "3" };

    [Test]
    public async Task Guessing_checkin_codes_is_slowed_down_with_429_and_Retry_After()
    {
        for (var i = 0; i < 3; i++)
            (await Anonymous().GetAsync($"/checkin/guess-{i}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var limited = await Anonymous().PostJsonAsync("/checkin/guess-4/guests", GuestBodies.SpanishAdult());

        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeGreaterThan(0);
    }
}
