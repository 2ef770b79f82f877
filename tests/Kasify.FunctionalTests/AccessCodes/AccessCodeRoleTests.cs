using System.Net;
using Kasify.Domain.Crew;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.SmartLocks;

namespace Kasify.FunctionalTests.AccessCodes;

/// <summary>docs/api.md §2: owners and managers create, see and revoke codes; staff get 403, contractors and other accounts 404.</summary>
public sealed class AccessCodeRoleTests : SmartLockFixture
{
    private async Task<(TestUser Owner, Guid PropertyId, Guid BookingId, string CodeId)> PropertyWithCodeAsync()
    {
        var owner = await RegisterAsync();
        var propertyId = await NewPropertyAsync(owner);
        await AddUnifiDoorAsync(owner, propertyId);
        var from = Api.Today().AddDays(20);
        var booking = await Api.AddBookingAsync(propertyId, from, from.AddDays(2));
        var created = await (await owner.Client.PostAsync($"/bookings/{booking.Id}/accesscode", null)).ShouldBeAsync(HttpStatusCode.Created);
        return (owner, propertyId, booking.Id, created["access_codes"]![0]!["id"]!.GetValue<string>());
    }

    [Test]
    public async Task Staff_cannot_create_see_or_revoke_codes()
    {
        var (_, propertyId, bookingId, codeId) = await PropertyWithCodeAsync();
        var staff = await RegisterAsync();
        await Api.AddMemberAsync(propertyId, staff.Id, AccessLevel.Staff, CrewService.Cleaning);

        await (await staff.Client.PostAsync($"/bookings/{bookingId}/accesscode", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.Client.GetAsync($"/bookings/{bookingId}/accesscode")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.Client.DeleteAsync($"/bookings/{bookingId}/accesscode/{codeId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Contractors_and_other_accounts_do_not_even_see_the_booking()
    {
        var (_, propertyId, bookingId, codeId) = await PropertyWithCodeAsync();
        var contractor = await RegisterAsync();
        await Api.AddMemberAsync(propertyId, contractor.Id, AccessLevel.Contractor, CrewService.Maintenance);
        var stranger = await RegisterAsync();

        foreach (var user in new[] { contractor, stranger })
        {
            await (await user.Client.PostAsync($"/bookings/{bookingId}/accesscode", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await user.Client.GetAsync($"/bookings/{bookingId}/accesscode")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await user.Client.DeleteAsync($"/bookings/{bookingId}/accesscode/{codeId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Test]
    public async Task A_manager_sees_the_pin_and_revokes_the_code()
    {
        var (_, propertyId, bookingId, codeId) = await PropertyWithCodeAsync();
        var manager = await RegisterAsync();
        await Api.AddMemberAsync(propertyId, manager.Id, AccessLevel.Manager);

        var codes = await CodesAsync(manager, bookingId);
        codes.Should().ContainSingle().Which!["code"]!.GetValue<string>().Should().MatchRegex("^[0-9]{6}$");
        await (await manager.Client.DeleteAsync($"/bookings/{bookingId}/accesscode/{codeId}")).ShouldBeAsync(HttpStatusCode.NoContent);
    }

    [Test]
    public async Task The_reader_for_the_booking_response_gives_no_codes_to_staff()
    {
        var (owner, propertyId, bookingId, _) = await PropertyWithCodeAsync();
        var staff = await RegisterAsync();
        await Api.AddMemberAsync(propertyId, staff.Id, AccessLevel.Staff, CrewService.Cleaning);

        (await ReadAsAsync(owner, bookingId)).Should().ContainKey(bookingId);
        (await ReadAsAsync(staff, bookingId)).Should().BeEmpty();
    }

    [Test]
    public async Task A_cancelled_booking_gets_no_codes()
    {
        var (owner, _, bookingId, _) = await PropertyWithCodeAsync();
        await Api.CancelBookingAsync(bookingId);

        await (await owner.Client.PostAsync($"/bookings/{bookingId}/accesscode", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    private Task<IReadOnlyDictionary<Guid, IReadOnlyList<Kasify.Application.AccessCodes.AccessCodeResponse>>> ReadAsAsync(TestUser user, Guid bookingId) =>
        ReaderTesting.ReadAsAsync(Api, user.Subject, bookingId);
}
