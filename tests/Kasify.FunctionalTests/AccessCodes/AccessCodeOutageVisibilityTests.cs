using Kasify.Application.AccessCodes;
using Kasify.Application.Common;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.SmartLocks;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.AccessCodes;

/// <summary>
/// Issue 9, invariant 6: a lock outage that keeps a guest's code off the lock at its due time is visible on the timeline
/// (once, not once per retry), besides the failed job. Before, a transient failure left no activity at all.
/// </summary>
public sealed class AccessCodeOutageVisibilityTests : SmartLockFixture
{
    [Test]
    public async Task A_code_kept_off_the_lock_by_an_outage_leaves_one_failed_activity_and_goes_live_when_the_lock_is_back()
    {
        var (property, smartlock) = await NukiPropertyAsync();
        var from = Api.Today().AddDays(3);
        var booking = await Api.AddBookingAsync(property.PropertyId, from, from.AddDays(2));
        var checkin = TimeZones.ToUtc(from, new TimeOnly(15, 30), "Europe/Madrid");

        Nuki.IsDown = true;
        await AdvanceToAsync(checkin.AddHours(-24));
        for (var i = 0; i < 4; i++) await AdvanceAndRunJobsAsync(TimeSpan.FromMinutes(2)); // several retries fail

        Nuki.AuthsOn(smartlock.SmartlockId).Should().BeEmpty();
        var failed = await Api.WithDbAsync(db => db.Activities.Where(a => a.PropertyId == property.PropertyId && a.Kind == AccessCodeActivities.Failed)
            .Select(a => a.Summary).ToListAsync());
        failed.Should().ContainSingle("the outage that delays the guest's code is on the timeline once, not once per retry")
            .Which.Should().Contain("retrying");
        var row = await Api.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == ProvisionAccessCodes.Kind && m.Payload.Contains(booking.Id.ToString())));
        row.Attempts.Should().BeGreaterThan(1);
        row.LastError.Should().NotBeNull("the failed job is on record for an admin");

        Nuki.IsDown = false;
        await AdvanceAndRunJobsAsync(TimeSpan.FromHours(1));
        Nuki.CompletePendingAuths();
        await AdvanceAndRunJobsAsync(TimeSpan.FromMinutes(5));
        (await CodesAsync(property.Owner, booking.Id)).Single()!["status"]!.GetValue<string>().Should().Be("active");
    }
}
