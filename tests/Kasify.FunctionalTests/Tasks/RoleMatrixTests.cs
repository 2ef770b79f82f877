using System.Net;
using System.Net.Http.Json;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;

namespace Kasify.FunctionalTests.Tasks;

/// <summary>
/// docs/api.md §2, one row per request, one column per caller: owner, manager, staff, contractor, and a registered outsider
/// (who must get 404, never 403, so existence does not leak). Families: properties, tasks, crew, bookings (with
/// access codes), calendar and timeline.
/// </summary>
public sealed class RoleMatrixTests : ApiFixture
{
    private TestUser _owner = null!, _manager = null!, _staff = null!, _contractor = null!, _outsider = null!;
    private Guid _propertyId;
    private string _ownersTask = "", _contractorsTask = "";

    private delegate Task<HttpResponseMessage> Call(TestUser caller);

    [OneTimeSetUp]
    public async Task SetUpCrew()
    {
        _owner = await RegisterAsync("Olga");
        _manager = await RegisterAsync("Manu");
        _staff = await RegisterAsync("Sara");
        _contractor = await RegisterAsync("Carlos");
        _outsider = await RegisterAsync("Otto");
        _propertyId = await _owner.CreatePropertyAsync(PropertyRequests.Minimal());
        await _owner.JoinAsync(_propertyId, _manager, "manager");
        await _owner.JoinAsync(_propertyId, _staff, "staff", "cleaning");
        await _owner.JoinAsync(_propertyId, _contractor, "contractor", "pool");
        _ownersTask = await NewTaskAsync(_owner.Id);
        _contractorsTask = await NewTaskAsync(_contractor.Id);
    }

    private async Task<string> NewTaskAsync(Guid assignee) =>
        (await (await _owner.Client.PostJsonAsync("/tasks", new { property_id = _propertyId, task_type = "pool", from = "2026-06-10T10:00:00Z", to = "2026-06-10T12:00:00Z", assigned_to = assignee }))
            .ShouldBeAsync(HttpStatusCode.Created))["id"]!.ToString();

    private async Task<string> NewInvitationAsync() => (await _owner.InviteAsync(_propertyId, "staff"))["id"]!.ToString();

    private async Task<Guid> NewMemberAsync()
    {
        var member = await RegisterAsync();
        await _owner.JoinAsync(_propertyId, member, "staff");
        return member.Id;
    }

    private async Task AssertMatrixAsync(params (string Request, Call Call, int[] Expected)[] rows)
    {
        var callers = new[] { ("owner", _owner), ("manager", _manager), ("staff", _staff), ("contractor", _contractor), ("outsider", _outsider) };
        var mismatches = new List<string>();
        foreach (var (request, call, expected) in rows)
            for (var i = 0; i < callers.Length; i++)
            {
                var status = (int)(await call(callers[i].Item2)).StatusCode;
                if (status != expected[i]) mismatches.Add($"{request} as {callers[i].Item1}: expected {expected[i]}, got {status}");
            }
        mismatches.Should().BeEmpty();
    }

    [Test]
    public Task Properties_follow_the_role_table() => AssertMatrixAsync(
        ("GET /properties", u => u.Client.GetAsync("/properties"), [200, 200, 200, 200, 200]),
        ("GET /properties/{id}", u => u.Client.GetAsync($"/properties/{_propertyId}"), [200, 200, 200, 200, 404]),
        ("PUT /properties/{id}", u => u.Client.PutJsonAsync($"/properties/{_propertyId}", PropertyRequests.Minimal()), [200, 200, 403, 403, 404]),
        ("DELETE /properties/{id} (not the owner)", u => u == _owner ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent)) : u.Client.DeleteAsync($"/properties/{_propertyId}"), [204, 403, 403, 403, 404]),
        ("DELETE /properties/{id}/cover-image", u => u.Client.DeleteAsync($"/properties/{_propertyId}/cover-image"), [204, 204, 403, 403, 404]));

    [Test]
    public Task Tasks_follow_the_role_table() => AssertMatrixAsync(
        ("GET /tasks?property_id", u => u.Client.GetAsync($"/tasks?property_id={_propertyId}"), [200, 200, 200, 200, 404]),
        ("GET /properties/{id}/tasks", u => u.Client.GetAsync($"/properties/{_propertyId}/tasks"), [200, 200, 200, 200, 404]),
        ("GET /tasks (everywhere)", u => u.Client.GetAsync("/tasks"), [200, 200, 200, 200, 200]),
        ("GET /tasks/{owner's}", u => u.Client.GetAsync($"/tasks/{_ownersTask}"), [200, 200, 200, 404, 404]),
        ("GET /tasks/{contractor's}", u => u.Client.GetAsync($"/tasks/{_contractorsTask}"), [200, 200, 200, 200, 404]),
        ("POST /tasks", u => u.Client.PostJsonAsync("/tasks", new { property_id = _propertyId, task_type = "other", from = "2026-06-10T10:00:00Z", to = "2026-06-10T12:00:00Z" }), [201, 201, 403, 403, 404]),
        ("PATCH /tasks/{owner's} job_report", u => u.Client.PatchAsJsonAsync($"/tasks/{_ownersTask}", new { job_report = "ok" }), [200, 200, 403, 404, 404]),
        ("PATCH /tasks/{contractor's} job_report", u => u.Client.PatchAsJsonAsync($"/tasks/{_contractorsTask}", new { job_report = "ok" }), [200, 200, 403, 200, 404]),
        ("PATCH /tasks/{contractor's} notes", u => u.Client.PatchAsJsonAsync($"/tasks/{_contractorsTask}", new { notes = "n" }), [200, 403, 403, 403, 404]),
        ("POST /tasks/{staff's new}/start", async u => await u.Client.PostAsync($"/tasks/{await NewTaskAsync(_staff.Id)}/start", null), [200, 403, 200, 404, 404]),
        ("POST /tasks/{contractor's new}/complete", async u => await u.Client.PostAsync($"/tasks/{await NewTaskAsync(_contractor.Id)}/complete", null), [200, 403, 403, 200, 404]),
        ("DELETE /tasks/{owner's new}", async u => await u.Client.DeleteAsync($"/tasks/{await NewTaskAsync(_owner.Id)}"), [204, 204, 403, 404, 404]));

    [Test]
    public Task Crew_and_invitations_follow_the_role_table() => AssertMatrixAsync(
        ("GET /properties/{id}/crew", u => u.Client.GetAsync($"/properties/{_propertyId}/crew"), [200, 200, 403, 403, 404]),
        ("GET /properties/{id}/invitations", u => u.Client.GetAsync($"/properties/{_propertyId}/invitations"), [200, 200, 403, 403, 404]),
        ("POST invitation as staff", u => u.Client.PostJsonAsync($"/properties/{_propertyId}/invitations", new { accessLevel = "staff" }), [201, 201, 403, 403, 404]),
        ("POST invitation as manager", u => u.Client.PostJsonAsync($"/properties/{_propertyId}/invitations", new { accessLevel = "manager" }), [201, 403, 403, 403, 404]),
        ("DELETE invitation", async u => await u.Client.DeleteAsync($"/properties/{_propertyId}/invitations/{await NewInvitationAsync()}"), [204, 204, 403, 403, 404]),
        ("PATCH crew member", u => u.Client.PatchAsJsonAsync($"/properties/{_propertyId}/crew/{_contractor.Id}", new { service = "pool" }), [200, 403, 403, 403, 404]),
        ("DELETE crew member", async u => await u.Client.DeleteAsync($"/properties/{_propertyId}/crew/{await NewMemberAsync()}"), [204, 403, 403, 403, 404]));

    private async Task<string> NewBookingAsync(string from, string to) =>
        (await (await _owner.Client.PostJsonAsync($"/properties/{_propertyId}/bookings", new { from, to, guest_first_name = "Lucía", adults_count = 2 }))
            .ShouldBeAsync(HttpStatusCode.Created))["id"]!.ToString();

    [Test]
    public async Task Bookings_and_access_codes_follow_the_role_table()
    {
        var booking = await NewBookingAsync("2026-07-01", "2026-07-05");
        var day = 10;
        await AssertMatrixAsync(
            ("GET /properties/{id}/bookings", u => u.Client.GetAsync($"/properties/{_propertyId}/bookings"), [200, 200, 200, 403, 404]),
            ("GET /bookings/{id}", u => u.Client.GetAsync($"/bookings/{booking}"), [200, 200, 200, 404, 404]),
            ("POST /properties/{id}/bookings", u => u.Client.PostJsonAsync($"/properties/{_propertyId}/bookings",
                new { from = $"2026-08-{day++:D2}", to = $"2026-08-{day:D2}" }), [201, 201, 403, 403, 404]),
            ("PATCH /bookings/{id}", u => u.Client.PatchAsJsonAsync($"/bookings/{booking}", new { notes = "late arrival" }), [200, 200, 403, 404, 404]),
            ("POST /bookings/{id}/accesscode", u => u.Client.PostAsync($"/bookings/{booking}/accesscode", null), [201, 201, 403, 404, 404]),
            ("DELETE /bookings/{id}/accesscode/{unknown}", u => u.Client.DeleteAsync($"/bookings/{booking}/accesscode/{Guid.NewGuid()}"), [404, 404, 403, 404, 404]));

        var staffView = await _staff.Client.GetObjectAsync($"/bookings/{booking}");
        staffView["guest_first_name"].Should().BeNull();
        staffView["notes"].Should().BeNull();
    }

    [Test]
    public Task Calendar_and_timeline_follow_the_role_table() => AssertMatrixAsync(
        ("GET /properties/{id}/calendar", u => u.Client.GetAsync($"/properties/{_propertyId}/calendar"), [200, 200, 200, 200, 404]),
        ("GET /calendar/upcoming", u => u.Client.GetAsync("/calendar/upcoming"), [200, 200, 200, 200, 200]),
        ("GET /timeline/upcoming", u => u.Client.GetAsync("/timeline/upcoming"), [200, 200, 200, 200, 200]),
        ("GET /timeline/activity?property_id", u => u.Client.GetAsync($"/timeline/activity?property_id={_propertyId}"), [200, 200, 200, 200, 404]),
        ("POST /properties/{id}/calendars/sync", u => u.Client.PostAsync($"/properties/{_propertyId}/calendars/sync", null), [202, 202, 403, 403, 404]));

    [Test]
    public async Task Staff_get_others_tasks_stripped_and_contractors_only_their_own()
    {
        var stripped = await _staff.Client.GetObjectAsync($"/tasks/{_ownersTask}");
        stripped["id"]!.ToString().Should().Be(_ownersTask);
        stripped["property"]!["id"]!.ToString().Should().Be(_propertyId.ToString());
        stripped["status"].Should().BeNull();
        stripped["assigned_to"].Should().BeNull();
        stripped["public_token"].Should().BeNull();

        var contractorList = await _contractor.Client.GetObjectAsync($"/properties/{_propertyId}/tasks");
        contractorList["tasks"]!.AsArray().Select(t => t!["assigned_to"]!.ToString()).Should().OnlyContain(id => id == _contractor.Id.ToString());
    }
}
