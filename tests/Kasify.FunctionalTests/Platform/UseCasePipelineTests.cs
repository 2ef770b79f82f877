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
/// its handler declares a <see cref="UseCaseScopeAttribute"/>, or it is still listed in <see cref="UseCasePipelinePending"/>.
/// A public endpoint says so with <c>AllowAnonymous</c>.
/// </summary>
public sealed class UseCasePipelineTests : ApiFixture
{
    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static string NameOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.DisplayName ?? endpoint.RoutePattern.RawText!;

    private static bool IsAnonymous(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    [Test]
    public void Every_secured_endpoint_declares_its_use_case_scope_or_is_listed_as_pending()
    {
        var endpoints = Endpoints();

        var undeclared = endpoints
            .Where(e => !IsAnonymous(e) && e.Metadata.GetMetadata<UseCaseScopeAttribute>() is null)
            .Select(NameOf).Except(UseCasePipelinePending.Endpoints).ToList();

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
    public void The_pending_list_names_only_endpoints_that_still_lack_a_scope()
    {
        var endpoints = Endpoints();
        var names = endpoints.Select(NameOf).ToHashSet();
        var converted = endpoints.Where(e => e.Metadata.GetMetadata<UseCaseScopeAttribute>() is not null).Select(NameOf).ToHashSet();

        UseCasePipelinePending.Endpoints.Should().OnlyHaveUniqueItems()
            .And.OnlyContain(n => names.Contains(n), "a renamed or removed endpoint leaves the list")
            .And.NotContain(n => converted.Contains(n), "a converted endpoint leaves the list");
    }

    [Test]
    public void An_anonymous_endpoint_never_takes_a_use_case_that_needs_a_caller()
    {
        var wrong = Endpoints().Where(e => IsAnonymous(e) && e.Metadata.GetMetadata<UseCaseScopeAttribute>() is { NeedsRegisteredCaller: true })
            .Select(NameOf).ToList();

        string.Join(", ", wrong).Should().BeEmpty();
    }

    [Test]
    public void A_property_scoped_endpoint_admits_the_caller_with_one_role_lookup()
    {
        var scoped = Endpoints().Where(e => e.Metadata.GetMetadata<UseCaseScopeAttribute>() is PropertyScopeAttribute).Select(NameOf).ToList();

        scoped.Should().Contain(["UpdateProperty", "DeleteProperty", "CreateInvitation", "ChangeCrewMember", "AddSmartLock", "CreateTask"]);
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
