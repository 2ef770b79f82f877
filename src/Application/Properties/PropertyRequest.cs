using System.Text.Json.Serialization;

namespace Kasify.Application.Properties;

/// <summary><c>NewPropertyRequest</c> (docs/api.md §4); also the body of PUT.</summary>
public sealed record PropertyRequest(
    string? Name,
    string? Address,
    string? City,
    string? ZipCode,
    string? AirbnbIcalUrl,
    Guid? DefaultCleanerId,
    string? SesEstablishmentCode,
    string? SesEstablishmentType,
    bool? HasInternet,
    int? RoomsCount,
    string? Country,
    string? Timezone,
    string? CheckinTime,
    string? CheckoutTime,
    IReadOnlyList<CalendarRequest>? Calendars);

public sealed record CalendarRequest(
    [property: JsonPropertyName("channel")] string? Channel,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("syncIntervalMinutes")] int? SyncIntervalMinutes);
