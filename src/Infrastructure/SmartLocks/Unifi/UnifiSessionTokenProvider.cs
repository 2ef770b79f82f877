using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kasify.Application.SmartLocks.Vendors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kasify.Infrastructure.SmartLocks.Unifi;

// Username/password setups: log in to UniFi OS (cookie TOKEN + CSRF header), mint a developer API token
// from that session and cache it in memory per console + user + password, so the documented Bearer API
// works the same as for API-token setups. vendors.md §2.6 (reverse-engineered, not documented by Ubiquiti).
internal sealed class UnifiSessionTokenProvider(
    IHttpClientFactory httpClientFactory,
    IOptions<UnifiOptions> options,
    ILogger<UnifiSessionTokenProvider> logger)
{
    private const string DisplayName = "the UniFi console";
    private const string SessionCookieName = "TOKEN";
    private static readonly string[] CsrfResponseHeaders = ["X-Updated-CSRF-Token", "X-CSRF-Token"];
    private static readonly string[] RequiredScopes =
        ["view:space", "edit:visitor", "view:visitor", "view:credential", "edit:credential"];

    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loginGate = new(1, 1);

    public async Task<string> GetTokenAsync(UnifiCredentials credentials, CancellationToken cancellationToken)
    {
        var key = CacheKey(credentials);
        if (_tokens.TryGetValue(key, out var cached))
        {
            return cached;
        }

        await _loginGate.WaitAsync(cancellationToken);
        try
        {
            if (_tokens.TryGetValue(key, out cached))
            {
                return cached;
            }

            var token = await LogInAndMintTokenAsync(credentials, cancellationToken);
            _tokens[key] = token;
            return token;
        }
        finally
        {
            _loginGate.Release();
        }
    }

    // Drops the token only if it is still the cached one, so a parallel re-login is not thrown away.
    public void Forget(UnifiCredentials credentials, string rejectedToken) =>
        _tokens.TryRemove(new KeyValuePair<string, string>(CacheKey(credentials), rejectedToken));

    private async Task<string> LogInAndMintTokenAsync(UnifiCredentials credentials, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(credentials.Username) || string.IsNullOrEmpty(credentials.Password))
        {
            throw new VendorException(
                SmartLockVendorNames.Unifi, VendorErrorKind.Unauthorized, "Give either an API token or a username and password.");
        }

        var consoleBase = UnifiEndpoints.ConsoleBase(credentials.BaseUrl);
        var client = UnifiHttpClients.Create(httpClientFactory, credentials);
        var session = await LogInAsync(client, consoleBase, credentials, cancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(consoleBase, "proxy/access/api/v1/developer/tokens"))
        {
            Content = JsonContent.Create(new
            {
                name = options.Value.MintedTokenName,
                validity_period = options.Value.MintedTokenValidityPeriod,
                scopes = RequiredScopes,
            }),
        };
        session.Apply(request);

        using var response = await VendorHttp.SendAsync(client, request, SmartLockVendorNames.Unifi, DisplayName, cancellationToken);
        var envelope = await UnifiResponse.ReadAsync(response, cancellationToken);
        if (!envelope.IsSuccess)
        {
            logger.LogWarning(
                "UniFi developer token could not be created for user {Username}: HTTP {Status} {Code}",
                credentials.Username, envelope.HttpStatus, envelope.Code);
            envelope.EnsureSuccess();
        }

        var minted = envelope.DataAs<UnifiMintedToken>(UnifiApiClient.JsonOptions);
        logger.LogInformation("UniFi developer token created from the session of user {Username}", credentials.Username);
        return minted.ApiKey;
    }

    private async Task<UnifiSession> LogInAsync(
        HttpClient client, Uri consoleBase, UnifiCredentials credentials, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(consoleBase, "api/auth/login"))
        {
            Content = JsonContent.Create(new
            {
                username = credentials.Username,
                password = credentials.Password,
                token = string.Empty,
                rememberMe = true,
            }),
        };

        using var response = await VendorHttp.SendAsync(client, request, SmartLockVendorNames.Unifi, DisplayName, cancellationToken);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("UniFi OS login failed for user {Username} with HTTP {Status}", credentials.Username, status);
            throw status switch
            {
                401 or 403 => new VendorException(
                    SmartLockVendorNames.Unifi,
                    VendorErrorKind.Unauthorized,
                    $"The UniFi console rejected the username or password (HTTP {status})."),
                429 => new VendorException(
                    SmartLockVendorNames.Unifi, VendorErrorKind.Transient, "Too many UniFi login attempts; try again later (HTTP 429)."),
                _ => new VendorException(
                    SmartLockVendorNames.Unifi, VendorHttp.KindForStatus(status), $"The UniFi console login answered HTTP {status}."),
            };
        }

        var cookie = FindSessionCookie(response)
            ?? throw new VendorException(
                SmartLockVendorNames.Unifi, VendorErrorKind.Rejected, "The UniFi console login gave no session cookie.");
        var csrf = CsrfResponseHeaders
            .Select(name => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null)
            .FirstOrDefault(value => !string.IsNullOrEmpty(value));
        return new UnifiSession(cookie, csrf);
    }

    private static string? FindSessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies
                .Select(cookie => cookie.Split(';', 2)[0].Trim())
                .FirstOrDefault(pair => pair.StartsWith(SessionCookieName + "=", StringComparison.Ordinal))
            : null;

    private static string CacheKey(UnifiCredentials credentials)
    {
        // The password is part of the key (hashed) so a changed password logs in again instead of reusing a token.
        var passwordHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credentials.Password ?? string.Empty)));
        return $"{UnifiEndpoints.ConsoleBase(credentials.BaseUrl)}|{credentials.Username}|{passwordHash}";
    }

    private sealed record UnifiSession(string CookiePair, string? CsrfToken)
    {
        public void Apply(HttpRequestMessage request)
        {
            request.Headers.Add("Cookie", CookiePair);
            if (CsrfToken is not null)
            {
                request.Headers.Add("X-CSRF-Token", CsrfToken);
            }
        }

        public override string ToString() => "UnifiSession { *** }";
    }
}
