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
}
