using System.Net;
using Kasify.Application.Common;
using System.Net.Http.Json;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.FunctionalTests.Platform;

/// <summary>
/// Every secured endpoint enters its use case through the pipeline (authenticate, authorise per property, validate):
/// its handler declares a <see cref="UseCaseScopeAttribute"/>. A public endpoint says so with <c>AllowAnonymous</c>;
/// there is no allow-list of endpoints that check access by hand.
/// </summary>
public sealed class UseCasePipelineTests : ApiFixture
{
    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static string NameOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.DisplayName ?? endpoint.RoutePattern.RawText!;

    private static bool IsAnonymous(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    [Test]
    public void Every_secured_endpoint_declares_its_use_case_scope()
    {
        var endpoints = Endpoints();

        var undeclared = endpoints
            .Where(e => !IsAnonymous(e) && e.Metadata.GetMetadata<UseCaseScopeAttribute>() is null)
            .Select(NameOf).ToList();

        endpoints.Should().HaveCountGreaterThan(50, "the walk must see the whole application");
        string.Join(", ", undeclared).Should().BeEmpty("a secured endpoint must go through the use-case pipeline: give its handler a UseCaseScopeAttribute");
    }

    [Test]
    public void Every_endpoint_is_either_secured_or_explicitly_anonymous()
    {
        var neither = Endpoints().Where(e => !IsAnonymous(e) && e.Metadata.GetMetadata<IAuthorizeData>() is null).Select(NameOf).ToList();

        string.Join(", ", neither).Should().BeEmpty("an endpoint without RequireAuthorization must say AllowAnonymous");
    }

    [Test]
    public void An_anonymous_endpoint_never_takes_a_use_case_that_needs_a_caller()
    {
        var wrong = Endpoints().Where(e => IsAnonymous(e) && e.Metadata.GetMetadata<UseCaseScopeAttribute>() is { NeedsRegisteredCaller: true })
            .Select(NameOf).ToList();

        string.Join(", ", wrong).Should().BeEmpty();
    }

    [Test]
    public void Property_endpoints_take_their_property_scope_from_the_handler()
    {
        var scoped = Endpoints().Where(e => e.Metadata.GetMetadata<UseCaseScopeAttribute>() is PropertyScopeAttribute).Select(NameOf).ToList();

        scoped.Should().Contain(["UpdateProperty", "DeleteProperty", "CreateInvitation", "ChangeCrewMember", "AddSmartLock", "CreateTask",
            "GetProperty", "ListCrew", "CreateBooking", "ListPropertyBookings", "GetPropertyCalendar", "GetGuestRegister"]);
    }

    [Test]
    public async Task A_property_scoped_read_costs_the_caller_one_role_lookup_and_nothing_more()
    {
        var owner = await RegisterAsync();
        var manager = await RegisterAsync();
        var property = await owner.CreatePropertyAsync();
        await owner.JoinAsync(property, manager, "manager");
        var url = $"/properties/{property}/invitations";
        await manager.Client.GetAsync("/account"); // the last-seen stamp is written once, not in the counts below

        Api.Queries.Reset();
        await (await manager.Client.GetAsync(url)).ShouldBeAsync(HttpStatusCode.OK);
        var admitted = Api.Queries.Count;
        Api.Queries.Reset();
        await (await manager.Client.GetAsync($"/properties/{Guid.NewGuid()}/invitations")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var refusedAtTheRole = Api.Queries.Count;

        // The user (1) and the manager's role (the property's account, then the crew row: 2), then the list itself (1):
        // the handler reuses the admitted role instead of looking it up again.
        (refusedAtTheRole, admitted).Should().Be((2, 4));
    }

    [Test]
    public async Task The_pipeline_answers_404_to_a_stranger_403_to_a_staff_member_then_400_for_bad_input()
    {
        var owner = await RegisterAsync();
        var staff = await RegisterAsync();
        var stranger = await RegisterAsync();
        var property = await owner.CreatePropertyAsync(PropertyRequests.Minimal());
        await owner.JoinAsync(property, staff, "staff");
        var toOwner = new { access_level = "owner" };
        var url = $"/properties/{property}/crew/{staff.Id}";

        await (await stranger.Client.PatchAsJsonAsync(url, toOwner)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var forbidden = await (await staff.Client.PatchAsJsonAsync(url, toOwner)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var invalid = await (await owner.Client.PatchAsJsonAsync(url, toOwner)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        forbidden["detail"]!.ToString().Should().Be("Your role on this property (staff) does not allow this.");
        invalid.Errors()["access_level"]![0]!.ToString().Should().Be("access_level must be manager, staff or contractor.");
        await (await owner.Client.PatchAsJsonAsync(url, new { access_level = "contractor" })).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_body_that_names_its_property_is_checked_like_a_route_property()
    {
        var owner = await RegisterAsync();
        var stranger = await RegisterAsync();
        var property = await owner.CreatePropertyAsync(PropertyRequests.Minimal());
        var task = new { property_id = property, task_type = "other", from = "2030-01-01T10:00:00Z", to = "2030-01-01T12:00:00Z" };

        var missing = await (await owner.Client.PostAsJsonAsync("/tasks", new { task_type = "other" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await stranger.Client.PostAsJsonAsync("/tasks", task)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        missing.Errors()["property_id"]![0]!.ToString().Should().Be("property_id is required.");
        await (await owner.Client.PostAsJsonAsync("/tasks", task)).ShouldBeAsync(HttpStatusCode.Created);
    }
}
