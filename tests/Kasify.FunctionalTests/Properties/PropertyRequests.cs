namespace Kasify.FunctionalTests.Properties;

public static class PropertyRequests
{
    public static object Minimal(string name = "Casa Azul") => new { name, address = "Calle Mayor 1", city = "Madrid", zip_code = "28013" };

    public static object Full(string name = "Casa Azul", string? airbnb = null, object[]? calendars = null, Guid? defaultCleaner = null) => new
    {
        name,
        address = "Calle Mayor 1",
        city = "Madrid",
        zip_code = "28013",
        airbnb_ical_url = airbnb,
        default_cleaner_id = defaultCleaner,
        ses_establishment_code = "0000012345",
        ses_establishment_type = "VT",
        has_internet = true,
        rooms_count = 3,
        country = "ES",
        timezone = "Europe/Madrid",
        checkin_time = "15:30",
        checkout_time = "10:00",
        calendars,
    };

    /// <summary>The published <c>Property</c> keys, then our additive ones, in order.</summary>
    public static readonly string[] PublishedKeys =
    [
        "id", "account_id", "name", "address", "city", "zip_code", "country", "ses_establishment_code",
        "ses_establishment_type", "has_internet", "rooms_count", "default_cleaner", "cover_image_url", "role",
        "calendars", "smart_locks", "team", "timezone", "checkin_time", "checkout_time", "ical_export_url",
    ];

    public static readonly string[] CalendarKeys = ["channel", "url", "syncIntervalMinutes", "lastSyncAt", "lastError"];
    public static readonly string[] MemberKeys = ["id", "name", "last_name", "email", "access_level", "service"];
}
