namespace Kasify.Application.Calendars.Feeds;

public interface ICalendarFeedFetcher
{
    /// <summary>Downloads a feed. Never throws for HTTP or network problems; only caller cancellation escapes as an exception.</summary>
    Task<FeedFetchResult> FetchAsync(Uri url, string? etag, DateTimeOffset? lastModified, CancellationToken ct);
}
