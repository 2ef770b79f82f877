using System.Net;
using Kasify.Application.Ses;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.FunctionalTests.Ses;

public sealed class SesSweepTests : SesFixture
{
    private async Task RunSweepAsync()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SesSweep>().RunAsync(CancellationToken.None);
        await Api.RunDueJobsAsync();
    }

    [Test]
    public async Task A_checkin_completed_before_the_integration_existed_is_reported_by_the_sweep()
    {
        var (owner, propertyId) = await SesOwnerAsync(withIntegration: false);
        var booking = await CompletedCheckinAsync(propertyId);
        await Api.RunDueJobsAsync();
        ReportsFor(booking).Should().BeEmpty();

        await (await owner.Client.PostJsonAsync("/integrations/ses", SesBody())).ShouldBeAsync(HttpStatusCode.Created);
        await RunSweepAsync();
        await RunSweepAsync();

        ReportsFor(booking).Should().ContainSingle();
    }

    [Test]
    public async Task A_lost_deadline_job_is_repaired_by_the_sweep_and_alerts_once()
    {
        var (_, propertyId) = await SesOwnerAsync(withIntegration: false);
        var today = Api.Today();
        var booking = await Api.AddBookingAsync(propertyId, today.AddDays(-3), today.AddDays(2), adults: 2);
        await Api.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == "checkin.deadline").ExecuteDeleteAsync());

        await RunSweepAsync();
        await RunSweepAsync();

        (await Api.WithDbAsync(db => db.Activities.CountAsync(a => a.SubjectId == booking.Id && a.Kind == "ses.deadline_missed"))).Should().Be(1);
    }
}
