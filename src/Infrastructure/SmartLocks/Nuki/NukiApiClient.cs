using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Application.SmartLocks.Vendors;
using Microsoft.Extensions.Logging;

namespace Kasify.Infrastructure.SmartLocks.Nuki;

// Raw Nuki Web API calls with the Bearer API token; every non-2xx becomes a VendorException.
internal sealed class NukiApiClient(IHttpClientFactory httpClientFactory, ILogger<NukiApiClient> logger)
{
    public const string HttpClientName = "SmartLocks.Nuki";
    private const string DisplayName = "Nuki Web";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task<T> GetAsync<T>(NukiCredentials credentials, string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(credentials, HttpMethod.Get, path, body: null, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(JsonOptions, cancellationToken)
            ?? throw new VendorException(SmartLockVendorNames.Nuki, VendorErrorKind.Transient, "Nuki Web returned an empty answer.");
    }

    public async Task SendWithoutResultAsync(
        NukiCredentials credentials, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(credentials, method, path, body, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(
        NukiCredentials credentials, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.ApiToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: JsonOptions);
        }

        var client = httpClientFactory.CreateClient(HttpClientName);
        var response = await VendorHttp.SendAsync(client, request, SmartLockVendorNames.Nuki, DisplayName, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var reason = await ReadReasonAsync(response, status, cancellationToken);
            logger.LogWarning("Nuki {Method} {Path} failed with HTTP {Status}: {Reason}", method, path, status, reason);
            throw new VendorException(SmartLockVendorNames.Nuki, VendorHttp.KindForStatus(status), reason);
        }
    }

    private static async Task<string> ReadReasonAsync(HttpResponseMessage response, int status, CancellationToken cancellationToken)
    {
        switch (status)
        {
            case 401:
                return "Nuki Web did not accept the API token (HTTP 401).";
            case 403:
                return "The Nuki API token lacks the permission for this action (HTTP 403).";
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var error = TryParseError(body);
        var vendorMessage = error?.DetailMessage ?? error?.Description ?? error?.ReasonPhrase;
        return vendorMessage is null
            ? $"Nuki Web answered HTTP {status}."
            : $"{vendorMessage} (HTTP {status})";
    }

    private static NukiErrorBody? TryParseError(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<NukiErrorBody>(body, JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
