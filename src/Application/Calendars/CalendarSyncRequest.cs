using Kasify.Domain.Properties;

namespace Kasify.Application.Calendars;

/// <summary>Payload of the <c>calendar.sync</c> outbox job.</summary>
public sealed record CalendarSyncRequest(Guid PropertyId, Channel Channel)
{
    public const string Kind = "calendar.sync";

    public string DedupKey => $"{Kind}:{PropertyId}:{Channel}";
}
