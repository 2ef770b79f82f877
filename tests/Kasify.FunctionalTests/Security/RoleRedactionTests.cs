using System.Net;
using System.Text.Json.Nodes;
using Kasify.Domain.Crew;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Security;

/// <summary>
/// What lower roles must not learn (issue 10, items 1 and 11): the check-in code (it opens every guest's data on the
/// public check-in page), the SES error, invitees' e-mails in activities, and hidden task fields through filters.
/// </summary>
public sealed class RoleRedactionTests : ApiFixture
{
    private const string SesError = "Documento 12345678Z de Lucía Martín no válido";

    private TestUser _owner = null!, _manager = null!, _staff = null!;
    private Guid _propertyId, _bookingId;

    [OneTimeSetUp]
    public async Task PropertyWithCrewAndAStayInProgress()
    {
        _owner = await RegisterAsync("Olga");
        _manager = await RegisterAsync("Manu");
        _staff = await RegisterAsync("Sara");
        _propertyId = await _owner.CreatePropertyAsync();
        await Api.AddMemberAsync(_propertyId, _manager.Id, AccessLevel.Manager);
        await Api.AddMemberAsync(_propertyId, _staff.Id, AccessLevel.Staff, CrewService.Cleaning);
        // The fake clock says 2026-06-01 09:00 UTC: this stay is in progress (GET …/bookings/current finds it).
        var booking = await _owner.BookAsync(_propertyId, BookingSteps.Guest("2026-05-30", "2026-06-03"));
        _bookingId = Guid.Parse(booking["id"]!.ToString());
        await Api.WithDbAsync(async db =>
        {
            (await db.Bookings.SingleAsync(b => b.Id == _bookingId)).SesReportRejected(SesError);
            await db.SaveChangesAsync();
        });
    }

    private IEnumerable<(string Url, Func<JsonObject, JsonObject> Booking)> BookingReads() =>
    [
        ($"/bookings/{_bookingId}", b => b),
        ($"/properties/{_propertyId}/bookings/current", b => b),
        ("/bookings", page => Only(page)),
        ($"/bookings?propertyId={_propertyId}", page => Only(page)),
        ($"/properties/{_propertyId}/bookings", page => Only(page)),
    ];

    private JsonObject Only(JsonObject page) => page["bookings"]!.AsArray().Single(b => b!["id"]!.ToString() == _bookingId.ToString())!.AsObject();

    [Test]
    public async Task Owners_and_managers_get_the_checkin_code_and_the_SES_error_on_every_booking_read()
    {
        foreach (var user in new[] { _owner, _manager })
        foreach (var (url, pick) in BookingReads())
        {
            var booking = pick(await user.Client.GetObjectAsync(url));
            booking["checkin_code"]!.GetValue<string>().Should().HaveLength(24, url);
            booking["ses_last_error"]!.GetValue<string>().Should().Be(SesError, url);
        }
    }

    [Test]
    public async Task Staff_get_neither_the_checkin_code_nor_the_SES_error_on_any_booking_read()
    {
        foreach (var (url, pick) in BookingReads())
        {
            var booking = pick(await _staff.Client.GetObjectAsync(url));
            booking.Should().ContainKey("checkin_code");
            booking["checkin_code"].Should().BeNull(url);
            booking["ses_last_error"].Should().BeNull(url);
            booking["from"]!.GetValue<string>().Should().Be("2026-05-30", "staff still see the stay itself");
        }
    }

    [Test]
    public async Task Staff_read_invitations_in_the_activity_log_without_the_invitees_email()
    {
        await (await _owner.Client.PostJsonAsync($"/properties/{_propertyId}/invitations",
            new { accessLevel = "staff", email = "new.cleaner@example.test" })).ShouldBeAsync(HttpStatusCode.Created);

        string InvitedSummary(JsonObject page) => page["activities"]!.AsArray()
            .Single(a => a!["kind"]!.GetValue<string>() == "member.invited")!["summary"]!.GetValue<string>();

        var url = $"/timeline/activity?size=100&property_id={_propertyId}";
        InvitedSummary(await _owner.Client.GetObjectAsync(url)).Should().Contain("new.cleaner@example.test");
        InvitedSummary(await _manager.Client.GetObjectAsync(url)).Should().Contain("new.cleaner@example.test");
        InvitedSummary(await _staff.Client.GetObjectAsync(url)).Should().NotContain("@").And.Be("Crew invitation created");
        InvitedSummary(await _staff.Client.GetObjectAsync("/timeline/activity?size=100")).Should().NotContain("@");
    }

    [Test]
    public async Task Task_filters_on_fields_staff_cannot_see_match_only_the_tasks_they_see_in_full()
    {
        var ownersPool = await NewTaskAsync("pool", _owner.Id);
        var staffCleaning = await NewTaskAsync("cleaning", _staff.Id);
        var cancelled = await NewTaskAsync("pool", _owner.Id);
        await (await _owner.Client.PatchJsonAsync($"/tasks/{cancelled}", new { status = "cancelled" })).ShouldBeAsync(HttpStatusCode.OK);

        async Task<List<string>> Ids(TestUser user, string query) =>
            (await user.Client.ItemsAsync($"/tasks?property_id={_propertyId}&size=100&{query}", "tasks")).Select(t => t!["id"]!.ToString()).ToList();

        // Unfiltered, staff see the owner's task (stripped): it exists, and that is all they may know.
        (await Ids(_staff, "")).Should().Contain([ownersPool, staffCleaning]);
        foreach (var query in new[] { "task_type=pool", "status=pending", $"assigned_to={_owner.Id}", "status=cancelled" })
            (await Ids(_staff, query)).Should().NotContain(ownersPool, query).And.NotContain(cancelled, query);
        // Asking for cancelled tasks too must not single out which of the stripped tasks were cancelled.
        (await Ids(_staff, "include_cancelled=true")).Should().Contain(ownersPool).And.NotContain(cancelled);
        (await Ids(_staff, "task_type=cleaning")).Should().Contain(staffCleaning, "their own task is theirs to filter");
        (await Ids(_owner, "task_type=pool")).Should().Contain(ownersPool);
        (await Ids(_owner, "status=cancelled")).Should().Contain(cancelled);
        (await Ids(_manager, $"assigned_to={_owner.Id}")).Should().Contain(ownersPool);
    }

    private async Task<string> NewTaskAsync(string type, Guid assignee) =>
        (await (await _owner.Client.PostJsonAsync("/tasks", new
        {
            property_id = _propertyId, task_type = type, from = "2026-06-10T10:00:00Z", to = "2026-06-10T12:00:00Z", assigned_to = assignee,
        })).ShouldBeAsync(HttpStatusCode.Created))["id"]!.ToString();
}
