namespace Kasify.Application.Accounts;

public sealed record AccountResponse(
    Guid Id,
    Guid AccountId,
    string Email,
    string? Name,
    string? LastName,
    string? Phone,
    string Locale,
    string Timezone,
    DateTime CreatedAt,
    int PropertiesCount);
