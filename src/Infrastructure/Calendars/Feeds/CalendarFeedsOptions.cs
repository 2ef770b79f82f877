namespace Kasify.Infrastructure.Calendars.Feeds;

/// <summary>Configuration section <c>Calendars</c>.</summary>
public sealed class CalendarFeedsOptions
{
    public const string SectionName = "Calendars";

    /// <summary>Budget for one whole fetch, retries included.</summary>
    public int FetchTimeoutSeconds { get; set; } = 20;

    public long MaxFeedBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Lets feeds live on loopback/private/link-local hosts. Only for development and tests.</summary>
    public bool AllowPrivateAddresses { get; set; }

    public string UserAgent { get; set; } = "Kasify-CalendarSync/1.0";
}
