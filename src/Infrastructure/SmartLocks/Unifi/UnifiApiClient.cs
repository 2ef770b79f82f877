using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Application.SmartLocks.Vendors;
using Microsoft.Extensions.Logging;

namespace Kasify.Infrastructure.SmartLocks.Unifi;

// Calls the documented developer API (Bearer token) and returns the envelope without throwing,
// so callers can react to specific codes; call EnsureSuccess() for the default handling.
internal sealed class UnifiApiClient(
    IHttpClientFactory httpClientFactory,
    UnifiSessionTokenProvider sessionTokens,
    ILogger<UnifiApiClient> logger)
{
    private const string DisplayName = "UniFi Access";

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public async Task<UnifiResponse> SendAsync(
        UnifiCredentials credentials, HttpMethod method, string relativePath, object? body, CancellationToken cancellationToken)
    {
        if (credentials.UsesApiToken)
        {
            return await SendOnceAsync(credentials, credentials.ApiToken!, method, relativePath, body, cancellationToken);
        }

        var token = await sessionTokens.GetTokenAsync(credentials, cancellationToken);
        var response = await SendOnceAsync(credentials, token, method, relativePath, body, cancellationToken);
        if (response.HttpStatus != 401)
        {
            return response;
        }

        // The minted token expired or was deleted on the console: log in once more, then give up.
        logger.LogInformation("UniFi developer token was refused; logging in again for user {Username}", credentials.Username);
        sessionTokens.Forget(credentials, token);
        token = await sessionTokens.GetTokenAsync(credentials, cancellationToken);
        return await SendOnceAsync(credentials, token, method, relativePath, body, cancellationToken);
    }

    private async Task<UnifiResponse> SendOnceAsync(
        UnifiCredentials credentials,
        string token,
        HttpMethod method,
        string relativePath,
        object? body,
        CancellationToken cancellationToken)
    {
        var uri = new Uri(UnifiEndpoints.DeveloperApiBase(credentials.BaseUrl), relativePath);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var client = UnifiHttpClients.Create(httpClientFactory, credentials);
        using var response = await VendorHttp.SendAsync(client, request, SmartLockVendorNames.Unifi, DisplayName, cancellationToken);
        var envelope = await UnifiResponse.ReadAsync(response, cancellationToken);
        if (!envelope.IsSuccess)
        {
            logger.LogWarning(
                "UniFi {Method} {Path} failed with HTTP {Status} {Code}",
                method, relativePath, envelope.HttpStatus, envelope.Code);
        }
        return envelope;
    }
}
