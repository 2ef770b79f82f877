using Kasify.Application.Common;

namespace Kasify.Application.Accounts;

public sealed record UpdateAccountRequest(string? Name, string? LastName, string? Phone, string? Locale, string? Timezone);

[CallerScope]
public sealed class UpdateAccountHandler(IKasifyDb db, UseCaseCaller caller, AccountReader reader)
{
    public static readonly string[] Locales = ["en", "es"];

    public async Task<AccountResponse> HandleAsync(UpdateAccountRequest request, CancellationToken ct)
    {
        var user = caller.User;
        var v = new Validation();
        var name = v.Optional("name", request.Name, 100);
        var lastName = v.Optional("last_name", request.LastName, 100);
        var phone = v.Optional("phone", request.Phone, 30);
        var locale = request.Locale?.Trim().ToLowerInvariant() ?? user.Locale;
        if (!Locales.Contains(locale)) v.Add("locale", "locale must be 'en' or 'es'.");
        var timezone = request.Timezone?.Trim() ?? user.TimeZone;
        if (!TimeZones.IsValid(timezone)) v.Add("timezone", "timezone must be an IANA time zone such as Europe/Madrid.");
        v.ThrowIfInvalid();

        user.UpdateProfile(name, lastName, phone, locale, timezone);
        await db.SaveChangesAsync(ct);
        return await reader.ReadAsync(user, ct);
    }
}
