using System.Net;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Checkin;
using Kasify.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Ses;

public sealed class SesDeadlineTests : SesFixture
{
    [Test]
    public async Task A_checkin_still_incomplete_24_hours_after_arrival_raises_one_alert()
    {
        var (_, propertyId) = await SesOwnerAsync(withIntegration: false);
        var today = Api.Today();
        var late = await Api.AddBookingAsync(propertyId, today, today.AddDays(4), adults: 2);
        var complete = await Api.AddBookingAsync(propertyId, today, today.AddDays(4), adults: 1);
        await (await Anonymous().PostJsonAsync($"/checkin/{late.CheckinCode}/guests", GuestBodies.SpanishAdult())).ShouldBeAsync(HttpStatusCode.Created);
        await (await Anonymous().PostJsonAsync($"/checkin/{complete.CheckinCode}/guests", GuestBodies.SpanishAdult())).ShouldBeAsync(HttpStatusCode.Created);

        // Arrival is today 15:30 in Madrid (13:30 UTC); the clock says 09:00 UTC.
        await Api.RunDueJobsAsync();
        var beforeDeadline = await AlertsAsync(late.Id);
        Api.Clock.Advance(TimeSpan.FromHours(28) + TimeSpan.FromMinutes(31));
        await Api.RunDueJobsAsync();
        await Api.RunDueJobsAsync();

        beforeDeadline.Should().Be(0);
        (await AlertsAsync(late.Id)).Should().Be(1);
        (await AlertsAsync(complete.Id)).Should().Be(0);
    }

    private Task<int> AlertsAsync(Guid bookingId) =>
        Api.WithDbAsync(db => db.Activities.CountAsync(a => a.SubjectId == bookingId && a.Kind == "ses.deadline_missed"));
}
