namespace Kasify.Application.Calendars;

/// <summary>What the sync needs to know about the calendar's property.</summary>
public sealed record SyncTarget(Guid PropertyId, string PropertyName, string TimeZone, TimeOnly CheckinTime, TimeOnly CheckoutTime);
