using System.Net;
using System.Net.Http;
using System.Text;
using Kasify.Application.Calendars.Feeds;
using Kasify.Infrastructure.Net;
using Microsoft.Extensions.Options;

namespace Kasify.Infrastructure.Calendars.Feeds;

/// <summary>
/// One conditional GET of a feed. Retries, the per-host circuit breaker and the attempt and total timeouts are the
/// client's resilience pipeline (<see cref="FeedResilience"/>); the budget here also covers reading the body.
/// </summary>
internal sealed class HttpCalendarFeedFetcher(
    HttpClient httpClient,
    IOptions<CalendarFeedsOptions> options,
    TimeProvider timeProvider) : ICalendarFeedFetcher
{
    private readonly CalendarFeedsOptions _options = options.Value;

    public async Task<FeedFetchResult> FetchAsync(
        Uri url, string? etag, DateTimeOffset? lastModified, CancellationToken ct)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return new FeedFetchResult.Failed("only absolute http and https feed URLs are allowed", IsTransient: false);
        }

        var timeout = TimeSpan.FromSeconds(_options.FetchTimeoutSeconds);
        using var budget = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token);
        try
        {
            return await FetchOnceAsync(url, etag, lastModified, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new FeedFetchResult.Failed($"timed out after {_options.FetchTimeoutSeconds}s", IsTransient: true);
        }
    }

    private async Task<FeedFetchResult> FetchOnceAsync(
        Uri url, string? etag, DateTimeOffset? lastModified, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (!string.IsNullOrEmpty(etag))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        request.Headers.IfModifiedSince = lastModified;

        try
        {
            using var response = await httpClient
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct)
                .ConfigureAwait(false);
            return await ReadResponseAsync(response, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (PrivateAddressRefusedException.FindIn(ex) is { } refusal)
        {
            return new FeedFetchResult.Failed($"refused: {refusal.Message}", IsTransient: false);
        }
        catch (HttpRequestException ex)
        {
            return new FeedFetchResult.Failed($"network error: {NetworkErrors.Describe(ex)}", IsTransient: true);
        }
        catch (IOException)
        {
            return new FeedFetchResult.Failed("network error: the connection was interrupted", IsTransient: true);
        }
        catch (Exception ex) when (FeedResilience.Describe(ex, _options) is { } refusal)
        {
            return new FeedFetchResult.Failed(refusal, IsTransient: true);
        }
    }

    private async Task<FeedFetchResult> ReadResponseAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new FeedFetchResult.NotModified();
        }

        if (!response.IsSuccessStatusCode)
        {
            var code = (int)response.StatusCode;
            return new FeedFetchResult.Failed(
                $"HTTP {code} {response.ReasonPhrase}".TrimEnd(),
                IsTransient: code >= 500 || code is 408 or 429);
        }

        if (response.Content.Headers.ContentLength > _options.MaxFeedBytes)
        {
            return TooLarge();
        }

        var bytes = await ReadCappedAsync(response.Content, ct).ConfigureAwait(false);
        if (bytes is null)
        {
            return TooLarge();
        }

        return new FeedFetchResult.Fetched(
            Decode(bytes, response.Content.Headers.ContentType?.CharSet),
            response.Headers.ETag?.ToString(),
            response.Content.Headers.LastModified);
    }

    /// <returns>null when the body is bigger than the cap, whatever Content-Length claimed.</returns>
    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _options.MaxFeedBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Decode(byte[] bytes, string? charset)
    {
        var encoding = Encoding.UTF8;
        if (!string.IsNullOrWhiteSpace(charset))
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // Unknown charset label: iCalendar is UTF-8 by default (RFC 5545 §3.1.4).
            }
        }

        using var reader = new StreamReader(new MemoryStream(bytes), encoding, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private FeedFetchResult.Failed TooLarge() =>
        new($"feed larger than {_options.MaxFeedBytes} bytes", IsTransient: false);
}
