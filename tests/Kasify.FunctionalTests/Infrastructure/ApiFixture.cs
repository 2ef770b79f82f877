using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kasify.FunctionalTests.Infrastructure;

/// <summary>Base of every functional fixture: one API and one fresh SQLite database per fixture.</summary>
public abstract class ApiFixture
{
    protected KasifyApiFactory Api { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    [OneTimeSetUp]
    public void StartApi()
    {
        Api = new KasifyApiFactory(KasifyApiFactory.NewDatabasePath(), settings: Settings);
        _ = Api.Server; // start now: migrations run here, not inside the first test
    }

    [OneTimeTearDown]
    public async Task StopApi()
    {
        await Api.DisposeAsync();
        Api.DeleteDatabase();
    }

    protected HttpClient Anonymous() => Api.CreateClient();

    protected HttpClient WithToken(string token)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new, registered user with their own account.</summary>
    protected async Task<TestUser> RegisterAsync(string? name = null, bool admin = false)
    {
        var subject = "user-" + Guid.NewGuid().ToString("N")[..12];
        var email = $"{subject}@example.test";
        var client = WithToken(TestTokens.Mint(subject, email, name ?? "Ana", "García", admin));
        var response = await client.PostAsync("/auth/register", null);
        response.EnsureSuccessStatusCode();
        var account = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return new TestUser(client, Guid.Parse(account["id"]!.GetValue<string>()), Guid.Parse(account["account_id"]!.GetValue<string>()), subject, email);
    }
}

public sealed record TestUser(HttpClient Client, Guid Id, Guid AccountId, string Subject, string Email);
