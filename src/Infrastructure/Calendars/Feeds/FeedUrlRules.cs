using Kasify.Infrastructure.Net;

namespace Kasify.Infrastructure.Calendars.Feeds;

/// <summary>Checks a feed URL when it is saved (<see cref="OutboundUrlRules"/>). The fetcher enforces the address rule again at connect time.</summary>
public static class FeedUrlRules
{
    /// <returns>null when acceptable, else the reason.</returns>
    public static Task<string?> CheckAsync(string url, bool allowPrivate, CancellationToken ct = default) =>
        OutboundUrlRules.CheckAsync(url, "calendar URL", allowPrivate, ct);
}
