using System.Net;
using System.Text.Json.Nodes;
using Kasify.Domain.Crew;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Checkin;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;

namespace Kasify.FunctionalTests.Guests;

public sealed class GuestVisibilityTests : ApiFixture
{
    private TestUser _owner = null!;
    private Guid _propertyId;
    private SeededBooking _booking = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:Checkin"] = "1000" };

    [OneTimeSetUp]
    public async Task RegisterAFamilyOnAProperty()
    {
        _owner = await RegisterAsync();
        _propertyId = await _owner.CreatePropertyAsync();
        var from = Api.Today().AddDays(1);
        _booking = await Api.AddBookingAsync(_propertyId, from, from.AddDays(2), adults: 2);
        foreach (var body in new[] { GuestBodies.SpanishAdult(), GuestBodies.FrenchAdult() })
            await (await Anonymous().PostJsonAsync($"/checkin/{_booking.CheckinCode}/guests", body)).ShouldBeAsync(HttpStatusCode.Created);
    }

    private async Task<TestUser> CrewAsync(AccessLevel level)
    {
        var user = await RegisterAsync();
        await Api.AddMemberAsync(_propertyId, user.Id, level, level is AccessLevel.Staff or AccessLevel.Contractor ? CrewService.Cleaning : null);
        return user;
    }

    private static JsonArray Guests(JsonObject page) => page["guests"]!.AsArray();

    [Test]
    public async Task The_owner_sees_every_registration_field_with_the_document_number_masked()
    {
        var page = await _owner.Client.GetObjectAsync("/guests");

        page.Select(p => p.Key).Should().Equal("guests", "page", "size", "total");
        page["total"]!.GetValue<int>().Should().Be(2);
        var lucia = Guests(page).Single(g => g!["first_name"]!.GetValue<string>() == "Lucía")!.AsObject();
        lucia["booking_id"]!.GetValue<string>().Should().Be(_booking.Id.ToString());
        lucia["property_id"]!.GetValue<string>().Should().Be(_propertyId.ToString());
        lucia["registered_at"]!.GetValue<string>().Should().EndWith("Z");
        lucia["document_number"]!.GetValue<string>().Should().Be("•••••678Z", "in full it appears only in the guest register");
        lucia["document_support_number"]!.GetValue<string>().Should().Be("BAA000589");
        lucia["residence_city_id"]!.GetValue<string>().Should().Be(GuestBodies.MadridCityId);
        lucia["date_of_birth"]!.GetValue<string>().Should().Be("1985-04-12");
    }

    [Test]
    public async Task A_manager_sees_the_guests_of_the_property()
    {
        var manager = await CrewAsync(AccessLevel.Manager);

        var page = await manager.Client.GetObjectAsync($"/guests?property_id={_propertyId}");

        page["total"]!.GetValue<int>().Should().Be(2);
    }

    [TestCase(AccessLevel.Staff)]
    [TestCase(AccessLevel.Contractor)]
    public async Task Staff_and_contractors_are_refused(AccessLevel level)
    {
        var crew = await CrewAsync(level);

        await (await crew.Client.GetAsync("/guests")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await crew.Client.GetAsync($"/guests?property_id={_propertyId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Another_account_sees_nothing_and_cannot_name_the_property()
    {
        var stranger = await RegisterAsync();

        var page = await stranger.Client.GetObjectAsync("/guests");
        var byBooking = await stranger.Client.GetObjectAsync($"/guests?booking_id={_booking.Id}");

        page["total"]!.GetValue<int>().Should().Be(0);
        byBooking["total"]!.GetValue<int>().Should().Be(0);
        await (await stranger.Client.GetAsync($"/guests?property_id={_propertyId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Filters_and_paging_narrow_the_list()
    {
        var byQuery = await _owner.Client.GetObjectAsync("/guests?query=dubois");
        var byBooking = await _owner.Client.GetObjectAsync($"/guests?booking_id={_booking.Id}&size=1&page=1");
        var otherBooking = await _owner.Client.GetObjectAsync($"/guests?booking_id={Guid.NewGuid()}");

        Guests(byQuery).Select(g => g!["first_name"]!.GetValue<string>()).Should().Equal("Pierre");
        byBooking["total"]!.GetValue<int>().Should().Be(2);
        Guests(byBooking).Should().HaveCount(1);
        byBooking["page"]!.GetValue<int>().Should().Be(1);
        otherBooking["total"]!.GetValue<int>().Should().Be(0);
        await (await _owner.Client.GetAsync("/guests?size=101")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Anonymous_callers_are_401()
    {
        (await Anonymous().GetAsync("/guests")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
