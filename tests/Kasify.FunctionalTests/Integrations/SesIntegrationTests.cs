using System.Net;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Ses;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Integrations;

public sealed class SesIntegrationTests : SesFixture
{
    [Test]
    public async Task An_SES_integration_is_created_after_SES_accepts_the_credentials_which_are_never_returned()
    {
        var owner = await RegisterAsync();

        var response = await owner.Client.PostJsonAsync("/integrations/ses", SesBody(name: "Hospedajes"));
        var created = await response.ShouldBeAsync(HttpStatusCode.Created);
        var listed = await owner.Client.GetAsync("/integrations");
        var listedBody = await listed.Content.ReadAsStringAsync();
        var ofType = await owner.Client.GetAsync("/integrations/ses");

        created.Select(p => p.Key).Should().Equal("id", "type", "name", "status", "last_checked_at", "last_error", "created_at", "settings", "locks_count");
        created["type"]!.GetValue<string>().Should().Be("ses");
        created["name"]!.GetValue<string>().Should().Be("Hospedajes");
        created["status"]!.GetValue<string>().Should().Be("active");
        created["settings"]!["landlord_code"]!.GetValue<string>().Should().Be(LandlordCode);
        created["settings"]!["environment"]!.GetValue<string>().Should().Be("test");
        created["locks_count"]!.GetValue<int>().Should().Be(0);
        response.Headers.Location!.ToString().Should().Be($"/integrations/ses/{created["id"]}");
        foreach (var body in new[] { created.ToJsonString(), listedBody, await ofType.Content.ReadAsStringAsync() })
            body.Should().NotContain(Ses.Password).And.NotContain(Ses.Username).And.NotContain("password");
        Ses.CatalogueQueries.Should().BeGreaterThan(0);
    }

    [Test]
    public async Task Credentials_are_stored_encrypted()
    {
        var owner = await RegisterAsync();
        var created = await (await owner.Client.PostJsonAsync("/integrations/ses", SesBody())).ShouldBeAsync(HttpStatusCode.Created);
        var id = Guid.Parse(created["id"]!.GetValue<string>());

        var raw = await Api.WithDbAsync(db => db.Database
            .SqlQuery<string>($"SELECT \"ProtectedCredentials\" AS \"Value\" FROM \"Integrations\" WHERE \"Id\" = {id}").SingleAsync());

        raw.Should().NotBeNullOrEmpty().And.NotContain(Ses.Password).And.NotContain(Ses.Username);
    }

    [Test]
    public async Task Credentials_that_SES_refuses_are_422_and_nothing_is_stored()
    {
        var owner = await RegisterAsync();

        var problem = await (await owner.Client.PostJsonAsync("/integrations/ses", SesBody(password: "wrong"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        problem["detail"]!.GetValue<string>().Should().Contain("refused").And.NotContain("wrong");
        (await Api.WithDbAsync(db => db.Integrations.CountAsync(i => i.AccountId == owner.AccountId))).Should().Be(0);
    }

    [Test]
    public async Task Missing_fields_are_400_field_by_field()
    {
        var owner = await RegisterAsync();

        var problem = await (await owner.Client.PostJsonAsync("/integrations/ses", new { landlord_code = "12345678901", environment = "staging" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Select(e => e.Key).Should().BeEquivalentTo("landlord_code", "username", "password", "environment");
    }

    [Test]
    public async Task A_second_SES_integration_is_a_conflict_and_replacing_revalidates()
    {
        var owner = await RegisterAsync();
        var created = await (await owner.Client.PostJsonAsync("/integrations/ses", SesBody())).ShouldBeAsync(HttpStatusCode.Created);
        var url = $"/integrations/ses/{created["id"]}";

        await (await owner.Client.PostJsonAsync("/integrations/ses", SesBody())).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await owner.Client.PutJsonAsync(url, SesBody(password: "wrong"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var replaced = await (await owner.Client.PutJsonAsync(url, SesBody(name: "Renamed"))).ShouldBeAsync(HttpStatusCode.OK);

        replaced["name"]!.GetValue<string>().Should().Be("Renamed");
    }

    [Test]
    public async Task Another_account_cannot_see_or_change_the_integration()
    {
        var owner = await RegisterAsync();
        var stranger = await RegisterAsync();
        var created = await (await owner.Client.PostJsonAsync("/integrations/ses", SesBody())).ShouldBeAsync(HttpStatusCode.Created);
        var url = $"/integrations/ses/{created["id"]}";

        var theirs = await (await stranger.Client.GetAsync("/integrations")).Content.ReadAsStringAsync();
        await (await stranger.Client.PutJsonAsync(url, SesBody())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.DeleteAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        theirs.Should().Be("[]");
        await (await owner.Client.DeleteAsync(url)).ShouldBeAsync(HttpStatusCode.NoContent);
        (await (await owner.Client.GetAsync("/integrations")).Content.ReadAsStringAsync()).Should().Be("[]");
    }

    [Test]
    public async Task Unknown_integration_types_are_404_and_known_ones_list()
    {
        var owner = await RegisterAsync();

        await (await owner.Client.GetAsync("/integrations/acme")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await owner.Client.GetAsync("/integrations/nuki")).Content.ReadAsStringAsync()).Should().Be("[]");
        (await Anonymous().GetAsync("/integrations")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
