using System.Net;
using System.Net.Http.Json;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Tasks;

public sealed class PublicTaskTests : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:PublicTask"] = "5" };

    [Test]
    public async Task The_public_view_shows_what_a_cleaner_needs_and_no_guest_personal_data_and_is_rate_limited()
    {
        var owner = await RegisterAsync();
        var cleaner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(new
        {
            name = "Casa Azul", address = "Calle Mayor 1", city = "Madrid", zip_code = "28013", ses_establishment_code = "0000012345",
        });
        await owner.JoinAsync(propertyId, cleaner, "staff", "cleaning");
        var today = DateOnly.FromDateTime(Api.Clock.GetUtcNow().UtcDateTime);
        var bookingId = (await Api.AddBookingAsync(propertyId, today.AddDays(1), today.AddDays(3), guest: BookingSeeding.Family("Marta"))).Id;
        await Api.AddBookingAsync(propertyId, today.AddDays(5), today.AddDays(9), guest: BookingSeeding.Family("Lucía", adults: 2, children: 1));
        var task = await Api.WithDbAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.BookingId == bookingId));
        await (await owner.Client.PatchAsJsonAsync($"/tasks/{task.Id}", new { assigned_to = cleaner.Id, notes = "Towels in the attic" })).ShouldBeAsync(HttpStatusCode.OK);

        var response = await Anonymous().GetAsync($"/public/tasks/{task.PublicToken}");
        var body = await response.Content.ReadAsStringAsync();
        var view = await response.ShouldBeAsync(HttpStatusCode.OK);

        view.Select(p => p.Key).Should().Equal("task_type", "status", "from", "to", "property", "notes", "next_booking");
        view["task_type"]!.GetValue<string>().Should().Be("cleaning");
        view["notes"]!.GetValue<string>().Should().Be("Towels in the attic");
        view["property"]!.AsObject().Select(p => p.Key).Should().Equal("name", "address", "city", "zip_code");
        var next = view["next_booking"]!;
        next["from"]!.GetValue<string>().Should().Be(today.AddDays(5).ToString("yyyy-MM-dd"));
        next["to"]!.GetValue<string>().Should().Be(today.AddDays(9).ToString("yyyy-MM-dd"));
        next["guests_number"]!.GetValue<int>().Should().Be(3);
        next["has_minors"]!.GetValue<bool>().Should().BeTrue();
        foreach (var secret in new[] { "Lucía", "Marta", "Secreta", "guest.test", "+34", "0000012345", "Door code", owner.Email })
            body.Should().NotContain(secret);

        var assigneeView = await cleaner.Client.GetObjectAsync($"/tasks/{task.Id}");
        assigneeView["next_booking"]!["guests_number"]!.GetValue<int>().Should().Be(3);
        assigneeView.ToJsonString().Should().NotContain("Lucía");

        await (await Anonymous().GetAsync("/public/tasks/not-a-real-token")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++) last = await Anonymous().GetAsync($"/public/tasks/{task.PublicToken}");
        await last.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter.Should().NotBeNull();
    }
}
