using System.Net;
using Kasify.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kasify.FunctionalTests.Platform;

public sealed class HangfireDashboardTests : ApiFixture
{
    private HttpClient Browser() => Api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Test]
    public async Task Anonymous_callers_are_refused()
    {
        (await Anonymous().GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Anonymous().GetAsync("/hangfire/jobs/enqueued")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_registered_non_admin_is_refused_and_cannot_ask_for_a_link()
    {
        var host = await RegisterAsync();

        (await host.Client.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await (await host.Client.PostAsync("/admin/dashboard-sessions", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task An_admin_bearer_token_opens_the_dashboard()
    {
        var admin = await RegisterAsync(admin: true);

        var page = await admin.Client.GetAsync("/hangfire");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("Kasify jobs");
    }

    [Test]
    public async Task An_admin_opens_the_dashboard_in_a_browser_through_a_one_minute_link()
    {
        var admin = await RegisterAsync(admin: true);
        var link = await (await admin.Client.PostAsync("/admin/dashboard-sessions", null)).ShouldBeAsync(HttpStatusCode.Created);
        var browser = Browser();

        var login = await browser.GetAsync(link["url"]!.GetValue<string>());
        var dashboard = await browser.GetAsync("/hangfire");

        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        login.Headers.Location!.ToString().Should().Be("/hangfire");
        var cookie = login.Headers.GetValues("Set-Cookie").Single();
        cookie.Should().Contain("kasify_dashboard=").And.Contain("httponly").And.Contain("path=/hangfire").And.Contain("samesite=strict");
        dashboard.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task An_expired_or_forged_link_does_not_open_the_dashboard()
    {
        var admin = await RegisterAsync(admin: true);
        var link = await (await admin.Client.PostAsync("/admin/dashboard-sessions", null)).ShouldBeAsync(HttpStatusCode.Created);

        var forged = await Browser().GetAsync("/hangfire-login?code=forged");
        Api.Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await Browser().GetAsync(link["url"]!.GetValue<string>());

        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        expired.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_forged_session_cookie_is_refused()
    {
        var browser = Browser();
        browser.DefaultRequestHeaders.Add("Cookie", "kasify_dashboard=CfDJ8forged");

        (await browser.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_dashboard_link_opens_only_once()
    {
        var admin = await RegisterAsync(admin: true);
        var link = await (await admin.Client.PostAsync("/admin/dashboard-sessions", null)).ShouldBeAsync(HttpStatusCode.Created);
        var url = link["url"]!.GetValue<string>();

        var first = await Browser().GetAsync(url);
        var again = await Browser().GetAsync(url);

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await again.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        again.Headers.Contains("Set-Cookie").Should().BeFalse();
    }

    [Test]
    public async Task A_link_opened_on_one_instance_cannot_be_opened_again_on_another_sharing_the_database()
    {
        var admin = await RegisterAsync(admin: true);
        var link = await (await admin.Client.PostAsync("/admin/dashboard-sessions", null)).ShouldBeAsync(HttpStatusCode.Created);
        var url = link["url"]!.GetValue<string>();
        await using var otherInstance = new KasifyApiFactory(Api.DatabasePath, Api.Clock);
        var otherBrowser = otherInstance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var first = await Browser().GetAsync(url);
        var again = await otherBrowser.GetAsync(url);

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        again.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Asking_for_a_new_link_voids_the_previous_one()
    {
        var admin = await RegisterAsync(admin: true);
        var older = await (await admin.Client.PostAsync("/admin/dashboard-sessions", null)).ShouldBeAsync(HttpStatusCode.Created);
        var newer = await (await admin.Client.PostAsync("/admin/dashboard-sessions", null)).ShouldBeAsync(HttpStatusCode.Created);

        (await Browser().GetAsync(older["url"]!.GetValue<string>())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Browser().GetAsync(newer["url"]!.GetValue<string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
