using System.Net;
using Kasify.Application.AccessCodes;
using Kasify.Application.Common;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.SmartLocks;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.FunctionalTests.AccessCodes;

/// <summary>Codes never outlive what they belong to: a lock leaving, a deleted integration or property, a lost revoke job.</summary>
public sealed class AccessCodeCleanupTests : SmartLockFixture
{
    private async Task<(TestUser Owner, Guid PropertyId, Guid LockId, Kasify.TestFakes.SmartLocks.FakeUnifiDoor Door, Guid BookingId)> CodeOnUnifiAsync()
    {
        var owner = await RegisterAsync();
        var propertyId = await NewPropertyAsync(owner);
        var (lockId, door) = await AddUnifiDoorAsync(owner, propertyId);
        var from = Api.Today().AddDays(30);
        var booking = await Api.AddBookingAsync(propertyId, from, from.AddDays(2));
        await (await owner.Client.PostAsync($"/bookings/{booking.Id}/accesscode", null)).ShouldBeAsync(HttpStatusCode.Created);
        LiveVisitorsOn(door).Should().Be(1);
        return (owner, propertyId, lockId, door, booking.Id);
    }

    private int LiveVisitorsOn(Kasify.TestFakes.SmartLocks.FakeUnifiDoor door) =>
        Unifi.Visitors.Count(v => v.DoorIds.Contains(door.Id) && v.Status != "CANCELLED");

    [Test]
    public async Task Removing_a_lock_from_the_property_revokes_its_codes()
    {
        var (owner, propertyId, lockId, door, bookingId) = await CodeOnUnifiAsync();

        await (await owner.Client.DeleteAsync($"/properties/{propertyId}/smart-locks/{lockId}")).ShouldBeAsync(HttpStatusCode.NoContent);
        await Api.RunDueJobsAsync();

        (await CodesAsync(owner, bookingId)).Single()!["status"]!.GetValue<string>().Should().Be("revoked");
        LiveVisitorsOn(door).Should().Be(0);
    }

    [Test]
    public async Task Deleting_the_property_removes_its_codes_from_the_locks()
    {
        var (owner, propertyId, _, door, _) = await CodeOnUnifiAsync();

        await (await owner.Client.DeleteAsync($"/properties/{propertyId}")).ShouldBeAsync(HttpStatusCode.NoContent);

        LiveVisitorsOn(door).Should().Be(0);
    }

    [Test]
    public async Task Deleting_the_integration_removes_its_codes_from_the_locks()
    {
        var (owner, _, lockId, door, bookingId) = await CodeOnUnifiAsync();
        var integrationId = await Api.WithDbAsync(db => Task.FromResult(db.SmartLocks.Single(l => l.Id == lockId).IntegrationId));

        await (await owner.Client.DeleteAsync($"/integrations/unifi/{integrationId}")).ShouldBeAsync(HttpStatusCode.NoContent);

        LiveVisitorsOn(door).Should().Be(0);
        (await CodesAsync(owner, bookingId)).Single()!["status"]!.GetValue<string>().Should().Be("revoked");
    }

    [Test]
    public async Task The_sweep_revokes_the_code_of_a_cancelled_stay_whose_revoke_job_was_lost()
    {
        var (owner, _, _, door, bookingId) = await CodeOnUnifiAsync();
        await Api.CancelBookingAsync(bookingId);
        await Api.WithDbAsync(async db =>
        {
            foreach (var job in db.OutboxMessages.Where(m => m.Kind == RevokeAccessCodes.Kind && m.ProcessedAt == null).ToList())
                job.Cancel(Api.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        await Api.RunDueJobsAsync();
        LiveVisitorsOn(door).Should().Be(1, "the revoke job was lost");

        await SweepAsync();
        await SweepAsync(); // a second instance sweeping at the same time
        await Api.RunDueJobsAsync();

        LiveVisitorsOn(door).Should().Be(0);
        (await CodesAsync(owner, bookingId)).Single()!["status"]!.GetValue<string>().Should().Be("revoked");
    }

    private async Task SweepAsync()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccessCodeSweep>().RunAsync(CancellationToken.None);
    }
}
