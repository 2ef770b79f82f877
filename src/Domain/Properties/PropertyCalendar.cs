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

    internal bool Change(string url, int syncIntervalMinutes)
    {
        var urlChanged = Url != url;
        Url = url;
        SyncIntervalMinutes = syncIntervalMinutes;
        return urlChanged;
    }

    public void RecordSuccess(DateTime at)
    {
        LastSyncAt = at;
        LastError = null;
    }

    public void RecordFailure(string error) => LastError = error;
}
