using System.Net;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.TestFakes.SmartLocks;

namespace Kasify.FunctionalTests.SmartLocks;

/// <summary>A console with its own self-signed certificate is only trusted when the owner opts in.</summary>
public sealed class UnifiCertificateTests : ApiFixture
{
    private readonly FakeUnifi _console = new(useHttps: true);

    [OneTimeTearDown]
    public void StopConsole() => _console.Dispose();

    [Test]
    public async Task A_self_signed_console_is_refused_without_the_opt_in_and_accepted_with_it()
    {
        var owner = await RegisterAsync();
        _console.AddApiToken("tls-token");

        var refused = await (await owner.Client.PostJsonAsync("/integrations/unifi",
            new { url = _console.Url, api_token = "tls-token" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        refused["detail"]!.GetValue<string>().Should().Contain("certificate");

        var accepted = await (await owner.Client.PostJsonAsync("/integrations/unifi",
            new { url = _console.Url, api_token = "tls-token", accept_self_signed_certificate = true })).ShouldBeAsync(HttpStatusCode.Created);
        accepted["settings"]!["accept_self_signed_certificate"]!.GetValue<bool>().Should().BeTrue();
    }
}
