namespace Kasify.Application.Calendars.Feeds;

public abstract record FeedFetchResult
{
    private FeedFetchResult()
    {
    }

    /// <summary>The server answered 304 to our ETag / Last-Modified: nothing changed since the last fetch.</summary>
    public sealed record NotModified : FeedFetchResult;

    /// <summary>The feed body plus the validators to send with the next fetch.</summary>
    public sealed record Fetched(string Body, string? ETag, DateTimeOffset? LastModified) : FeedFetchResult;

    /// <param name="IsTransient">Worth retrying at the next sync (timeouts, 5xx, 408, 429, network errors).</param>
    public sealed record Failed(string Reason, bool IsTransient) : FeedFetchResult;
}
