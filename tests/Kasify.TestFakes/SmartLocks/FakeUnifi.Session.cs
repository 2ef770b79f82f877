using System.Security.Cryptography;
using System.Text.Json.Nodes;
using WireMock;

namespace Kasify.TestFakes.SmartLocks;

// UniFi OS session login and developer-token minting (vendors.md §2.6, reverse-engineered behaviour).
public sealed partial class FakeUnifi
{
    private readonly Dictionary<string, string> _admins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sessions = new(StringComparer.Ordinal); // cookie TOKEN → CSRF token
    private readonly List<string> _mintedTokens = [];

    // Response header carrying the CSRF token: "X-Updated-CSRF-Token" (default) or "X-CSRF-Token".
    public string CsrfResponseHeader { get; set; } = "X-Updated-CSRF-Token";

    public int LoginCount { get; private set; }

    public IReadOnlyList<string> MintedTokens
    {
        get { lock (_gate) { return _mintedTokens.ToList(); } }
    }

    public void AddAdmin(string username, string password)
    {
        lock (_gate) { _admins[username] = password; }
    }

    // Invalidates every minted developer token, as if they expired or were deleted on the console.
    public void RevokeMintedTokens()
    {
        lock (_gate)
        {
            foreach (var token in _mintedTokens)
            {
                _apiTokens.Remove(token);
            }
        }
    }

    private IResponseMessage LogIn(RecordedRequest request)
    {
        var body = WireMockHttp.ParseObject(request.Body);
        var username = body?["username"]?.GetValue<string>();
        var password = body?["password"]?.GetValue<string>();
        if (username is null || password is null || !_admins.TryGetValue(username, out var expected) || expected != password)
        {
            return WireMockHttp.Json(401, new JsonObject { ["code"] = "AUTHENTICATION_FAILED", ["message"] = "Authentication failed" });
        }

        LoginCount++;
        var sessionToken = "eyJhbGciOiJIUzI1NiJ9." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)) + ".sig";
        var csrf = Guid.NewGuid().ToString();
        _sessions[sessionToken] = csrf;
        return WireMockHttp.Json(
            200,
            new JsonObject { ["unique_id"] = Guid.NewGuid().ToString(), ["username"] = username, ["isOwner"] = true },
            new Dictionary<string, string>
            {
                ["Set-Cookie"] = $"TOKEN={sessionToken}; path=/; samesite=none; secure; httponly",
                [CsrfResponseHeader] = csrf,
            });
    }

    private IResponseMessage MintToken(RecordedRequest request)
    {
        var cookie = request.Header("cookie") ?? string.Empty;
        var sessionToken = cookie.Split(';')
            .Select(part => part.Trim())
            .Where(part => part.StartsWith("TOKEN=", StringComparison.Ordinal))
            .Select(part => part["TOKEN=".Length..])
            .FirstOrDefault();
        if (sessionToken is null
            || !_sessions.TryGetValue(sessionToken, out var csrf)
            || request.Header("x-csrf-token") != csrf)
        {
            return FakeUnifiEnvelope.Unauthorized();
        }

        var apiKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        _apiTokens.Add(apiKey);
        _mintedTokens.Add(apiKey);
        var name = WireMockHttp.ParseObject(request.Body)?["name"]?.GetValue<string>() ?? "token";
        return FakeUnifiEnvelope.Success(new JsonObject { ["api_key"] = apiKey, ["name"] = name });
    }
}
