namespace Kasify.Domain.Properties;

/// <summary>A channel calendar feed of a property, identified by property + channel.</summary>
public sealed class PropertyCalendar
{
    public const int DefaultSyncIntervalMinutes = 30;
    public const int MinSyncIntervalMinutes = 5;

    private PropertyCalendar() { }

    internal PropertyCalendar(Guid propertyId, Channel channel, string url, int syncIntervalMinutes)
    {
        PropertyId = propertyId;
        Channel = channel;
        Url = url;
        SyncIntervalMinutes = syncIntervalMinutes;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PropertyId { get; private set; }
    public Channel Channel { get; private set; }
    public string Url { get; private set; } = "";
    public int SyncIntervalMinutes { get; private set; } = DefaultSyncIntervalMinutes;
    public DateTime? LastSyncAt { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>Validators of the last good fetch, sent back as If-None-Match / If-Modified-Since.</summary>
    public string? ETag { get; private set; }
    public DateTime? LastModified { get; private set; }
    public DateTime? LastAttemptAt { get; private set; }
    /// <summary>When the dispatcher should queue the next sync; null means due now.</summary>
    public DateTime? NextSyncAt { get; private set; }

    internal bool Change(string url, int syncIntervalMinutes)
    {
        var urlChanged = Url != url;
        Url = url;
        SyncIntervalMinutes = syncIntervalMinutes;
        if (urlChanged)
        {
            ETag = null;
            LastModified = null;
        }
        return urlChanged;
    }

    /// <summary>The sync is queued: the next one is not due before <see cref="SyncIntervalMinutes"/> from now.</summary>
    public void ScheduleNext(DateTime now) => NextSyncAt = now.AddMinutes(SyncIntervalMinutes);

    public void RecordAttempt(DateTime now)
    {
        LastAttemptAt = now;
        ScheduleNext(now);
    }

    public void RecordSuccess(DateTime at)
    {
        LastSyncAt = at;
        LastError = null;
    }

    public void RecordSuccess(DateTime at, string? etag, DateTime? lastModified)
    {
        RecordSuccess(at);
        ETag = etag;
        LastModified = lastModified;
    }

    public void RecordFailure(string error) => LastError = error.Length > 1000 ? error[..1000] : error;
}
