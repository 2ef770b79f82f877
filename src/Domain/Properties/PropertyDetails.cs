namespace Kasify.Domain.Properties;

/// <summary>The published, host-editable fields of a property.</summary>
public sealed record PropertyDetails(
    string Name,
    string Address,
    string City,
    string ZipCode,
    string? SesEstablishmentCode,
    string? SesEstablishmentType,
    bool? HasInternet,
    int? RoomsCount,
    Guid? DefaultCleanerId);

/// <summary>Our additive fields; defaults suit a Spanish host.</summary>
public sealed record PropertySettings(string Country, string TimeZone, TimeOnly CheckinTime, TimeOnly CheckoutTime)
{
    public static PropertySettings Default { get; } = new("ES", "Europe/Madrid", new TimeOnly(16, 0), new TimeOnly(11, 0));
}
