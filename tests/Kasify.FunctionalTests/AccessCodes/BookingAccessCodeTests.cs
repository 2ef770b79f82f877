using System.Net;
using Kasify.Domain.Crew;
using Kasify.Domain.Tasks;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.SmartLocks;

namespace Kasify.FunctionalTests.AccessCodes;

/// <summary>The <c>Booking</c> response carries its access codes (owners and managers only, docs/api.md §2) and its cleaning task.</summary>
public sealed class BookingAccessCodeTests : SmartLockFixture
{
    private async Task<(TestUser Owner, Guid PropertyId, string BookingId, string CodeId, string Pin)> BookingWithCodeAsync()
    {
        var owner = await RegisterAsync();
        var propertyId = await NewPropertyAsync(owner);
        await AddUnifiDoorAsync(owner, propertyId);
        var bookingId = (await owner.BookAsync(propertyId, "2026-07-01", "2026-07-05"))["id"]!.GetValue<string>();
        var created = await (await owner.Client.PostAsync($"/bookings/{bookingId}/accesscode", null)).ShouldBeAsync(HttpStatusCode.Created);
        var code = created["access_codes"]![0]!;
        return (owner, propertyId, bookingId, code["id"]!.GetValue<string>(), code["code"]!.GetValue<string>());
    }

    private Task<Guid> CleaningTaskIdAsync(string bookingId) =>
        Api.WithDbAsync(db => Task.FromResult(db.Tasks.Single(t => t.BookingId == Guid.Parse(bookingId) && t.TaskType == TaskType.Cleaning).Id));

    [Test]
    public async Task The_owner_sees_the_bookings_access_code_and_cleaning_task_in_the_booking()
    {
        var (owner, propertyId, bookingId, codeId, pin) = await BookingWithCodeAsync();
        var cleaningTaskId = await CleaningTaskIdAsync(bookingId);

        var read = await owner.Client.GetObjectAsync($"/bookings/{bookingId}");

        read.Select(p => p.Key).Should().Equal(BookingSteps.BookingKeys);
        var code = read["access_codes"]!.AsArray().Should().ContainSingle().Subject!.AsObject();
        code.Select(p => p.Key).Should().Equal("id", "booking_id", "smart_lock_id", "smart_lock_name", "vendor", "code", "valid_from",
            "valid_until", "status", "last_error", "created_at");
        code["id"]!.GetValue<string>().Should().Be(codeId);
        code["booking_id"]!.GetValue<string>().Should().Be(bookingId);
        code["code"]!.GetValue<string>().Should().Be(pin);
        code["vendor"]!.GetValue<string>().Should().Be("unifi");
        read["cleaning_task_id"]!.GetValue<string>().Should().Be(cleaningTaskId.ToString());

        var listed = (await owner.Client.ItemsAsync($"/properties/{propertyId}/bookings", "bookings")).Should().ContainSingle().Subject!;
        listed["access_codes"]!.AsArray().Should().ContainSingle().Which!["id"]!.GetValue<string>().Should().Be(codeId);
        listed["cleaning_task_id"]!.GetValue<string>().Should().Be(cleaningTaskId.ToString());
        (await owner.Client.ItemsAsync("/bookings", "bookings")).Should().ContainSingle()
            .Which!["access_codes"]!.AsArray().Should().ContainSingle();
    }

    [Test]
    public async Task A_manager_sees_the_codes_but_staff_see_none_only_the_cleaning_task()
    {
        var (_, propertyId, bookingId, codeId, _) = await BookingWithCodeAsync();
        var cleaningTaskId = await CleaningTaskIdAsync(bookingId);
        var manager = await RegisterAsync();
        var staff = await RegisterAsync();
        await Api.AddMemberAsync(propertyId, manager.Id, AccessLevel.Manager);
        await Api.AddMemberAsync(propertyId, staff.Id, AccessLevel.Staff, CrewService.Cleaning);

        (await manager.Client.GetObjectAsync($"/bookings/{bookingId}"))["access_codes"]!.AsArray()
            .Should().ContainSingle().Which!["id"]!.GetValue<string>().Should().Be(codeId);

        var seen = await staff.Client.GetObjectAsync($"/bookings/{bookingId}");
        seen["access_codes"].Should().BeNull();
        seen["cleaning_task_id"]!.GetValue<string>().Should().Be(cleaningTaskId.ToString());
        foreach (var listed in new[]
                 {
                     await staff.Client.ItemsAsync($"/properties/{propertyId}/bookings", "bookings"),
                     await staff.Client.ItemsAsync("/bookings", "bookings"),
                 })
        {
            var booking = listed.Should().ContainSingle().Subject!;
            booking["access_codes"].Should().BeNull();
            booking.ToJsonString().Should().NotContain(codeId);
        }
    }
}
