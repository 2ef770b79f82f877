namespace Kasify.Application.Calendars.Feeds;

public abstract record FeedParseResult
{
    private FeedParseResult()
    {
    }

    /// <summary>A readable calendar. Zero events is a valid result; the caller decides whether a sudden empty feed is trusted.</summary>
    public sealed record Parsed(IReadOnlyList<FeedEvent> Events) : FeedParseResult
    {
        /// <summary>Why each left-out event was skipped (dates outside <c>SaneDates</c>); the sync reports them.</summary>
        public IReadOnlyList<string> Skipped { get; init; } = [];
    }

    public sealed record Failed(string Reason) : FeedParseResult;
}
