using System.Net;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Security;

/// <summary>Issue 10, item 11: POST/PUT /integrations/* log in to a vendor, so they are limited per account.</summary>
public sealed class CredentialCheckLimitTests : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SmartLocks:Nuki:BaseUrl"] = "http://127.0.0.1:9",
        ["Ses:TestUrl"] = "http://127.0.0.1:9/ses",
        ["Ses:ProductionUrl"] = "http://127.0.0.1:9/ses",
    };

    private static readonly Func<TestUser, Task<HttpResponseMessage>>[] Checks =
    [
        u => u.Client.PostJsonAsync("/integrations/nuki", new { api_token = "guess" }),
        u => u.Client.PutJsonAsync($"/integrations/unifi/{Guid.NewGuid()}", new { url = "https://unifi.example.test", api_token = "guess" }),
        u => u.Client.PostJsonAsync("/integrations/ses", new { landlord_code = "0000000000", username = "u", password = "guess", environment = "test" }),
        u => u.Client.PutJsonAsync($"/integrations/ses/{Guid.NewGuid()}", new { landlord_code = "0000000000", username = "u", password = "guess", environment = "test" }),
    ];

    [Test]
    public async Task The_eleventh_credential_check_within_a_minute_is_a_429_for_that_account_only()
    {
        var guesser = await RegisterAsync();
        var neighbour = await RegisterAsync();

        for (var i = 0; i < 10; i++)
            ((int)(await Checks[i % Checks.Length](guesser)).StatusCode).Should().NotBe(429, $"check {i + 1} is within the limit");
        var limited = await Checks[2](guesser);

        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        ((int)(await Checks[0](neighbour)).StatusCode).Should().NotBe(429);

        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        ((int)(await Checks[0](guesser)).StatusCode).Should().NotBe(429);
    }
}
