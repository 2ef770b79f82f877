using System.Text.Json.Serialization;
using Kasify.Domain.Crew;
using Kasify.Domain.Properties;

namespace Kasify.Application.Properties;

/// <summary>The published <c>Property</c> shape (docs/api.md §4), field for field, plus our additive fields at the end.</summary>
public sealed record PropertyResponse(
    Guid Id,
    Guid AccountId,
    string Name,
    string Address,
    string City,
    string ZipCode,
    string Country,
    string? SesEstablishmentCode,
    string? SesEstablishmentType,
    bool? HasInternet,
    int? RoomsCount,
    PropertyMemberResponse? DefaultCleaner,
    string? CoverImageUrl,
    AccessLevel Role,
    IReadOnlyList<CalendarResponse> Calendars,
    IReadOnlyList<SmartLockSummary> SmartLocks,
    IReadOnlyList<PropertyMemberResponse> Team,
    string Timezone,
    TimeOnly CheckinTime,
    TimeOnly CheckoutTime,
    string? IcalExportUrl);

public sealed record PropertyMemberResponse(Guid Id, string? Name, string? LastName, string Email, AccessLevel AccessLevel, CrewService? Service);

public sealed record SmartLockSummary(Guid Id, string Vendor, string Name);

/// <summary>Published in camelCase (a documented exception to snake_case).</summary>
public sealed record CalendarResponse(
    [property: JsonPropertyName("channel")] Channel Channel,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("syncIntervalMinutes")] int SyncIntervalMinutes,
    [property: JsonPropertyName("lastSyncAt")] DateTime? LastSyncAt,
    [property: JsonPropertyName("lastError")] string? LastError);

public sealed record PropertiesPage(IReadOnlyList<PropertyResponse> Properties, int Page, int Size, int Total);
