using System.Net;
using Kasify.Application.Guests;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Checkin;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.FunctionalTests.Guests;

/// <summary>Item 2: guests' personal data is kept Guests:RetentionYears after check-out, then purged daily.</summary>
public sealed class GuestRetentionTests : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:Checkin"] = "1000" };

    private async Task PurgeAsync()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GuestRetentionPurge>().RunAsync(CancellationToken.None);
    }

    [Test]
    public async Task Three_years_after_check_out_the_guests_personal_data_is_purged_and_an_anonymised_count_kept()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        var from = Api.Today().AddDays(1);
        var booking = await Api.AddBookingAsync(propertyId, from, from.AddDays(2), adults: 2);
        foreach (var body in new[] { GuestBodies.SpanishAdult(), GuestBodies.FrenchAdult() })
            await (await Anonymous().PostJsonAsync($"/checkin/{booking.CheckinCode}/guests", body)).ShouldBeAsync(HttpStatusCode.Created);
        var checkout = from.AddDays(2).ToDateTime(TimeOnly.MinValue);
        var untilCheckout = checkout - Api.Clock.GetUtcNow().UtcDateTime;

        Api.Clock.Advance(untilCheckout + TimeSpan.FromDays(3 * 365)); // not yet three calendar years
        await PurgeAsync();
        var kept = (await owner.Client.GetObjectAsync("/guests"))["total"]!.GetValue<int>();
        Api.Clock.Advance(TimeSpan.FromDays(3));
        await PurgeAsync();
        await PurgeAsync();

        kept.Should().Be(2);
        (await owner.Client.GetObjectAsync("/guests"))["total"]!.GetValue<int>().Should().Be(0);
        var rows = await Api.WithDbAsync(db => db.Guests.AsNoTracking().Where(g => g.BookingId == booking.Id).ToListAsync());
        rows.Should().HaveCount(2).And.OnlyContain(g => g.PurgedAt != null && g.FirstName == "" && g.ProtectedDocumentNumber == null
            && g.DocumentSupportNumber == null && g.Email == null && g.Phone == null && g.ResidenceAddress == null);
        var purged = await Api.WithDbAsync(db => db.Activities.Where(a => a.SubjectId == booking.Id && a.Kind == "guests.purged").ToListAsync());
        purged.Should().ContainSingle().Which.Summary.Should().Contain("2 guest(s)").And.NotContain("Lucía");
        var register = await owner.Client.GetAsync($"/properties/{propertyId}/guest-register?from={from:yyyy-MM-dd}&to={from:yyyy-MM-dd}");
        (await register.Content.ReadAsStringAsync()).Should().NotContain(GuestBodies.ValidNif).And.NotContain("Lucía");
    }
}
