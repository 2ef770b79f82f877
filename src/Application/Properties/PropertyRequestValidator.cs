using System.Text.RegularExpressions;
using Kasify.Application.Calendars;
using Kasify.Application.Common;
using Kasify.Domain.Properties;

namespace Kasify.Application.Properties;

public sealed record ValidCalendar(Channel Channel, string Url, int SyncIntervalMinutes);

public sealed record ValidPropertyRequest(PropertyDetails Details, PropertySettings Settings, string? AirbnbIcalUrl, IReadOnlyList<ValidCalendar>? Calendars);

/// <summary>Turns a request into domain values or a 400 with every field error; <paramref name="current"/> fills additive fields left out.</summary>
public sealed partial class PropertyRequestValidator(ICalendarUrlPolicy urlPolicy)
{
    private const int MaxCalendars = 10;

    public async Task<ValidPropertyRequest> ValidateAsync(PropertyRequest r, PropertySettings current, CancellationToken ct)
    {
        var v = new Validation();
        var name = v.Required("name", r.Name);
        var address = v.Required("address", r.Address, 300);
        var city = v.Required("city", r.City, 100);
        var zip = v.Required("zip_code", r.ZipCode, 20);
        var sesCode = v.Optional("ses_establishment_code", r.SesEstablishmentCode, 10);
        var sesType = v.Optional("ses_establishment_type", r.SesEstablishmentType, 50);
        if (r.RoomsCount is < 0) v.Add("rooms_count", "rooms_count must be zero or more.");

        var country = r.Country?.Trim().ToUpperInvariant() ?? current.Country;
        if (!CountryCode().IsMatch(country)) v.Add("country", "country must be an ISO 3166-1 alpha-2 code such as ES.");
        var timezone = r.Timezone?.Trim() ?? current.TimeZone;
        if (!TimeZones.IsValid(timezone)) v.Add("timezone", "timezone must be an IANA time zone such as Europe/Madrid.");
        var checkin = v.TimeOfDay("checkin_time", r.CheckinTime) ?? current.CheckinTime;
        var checkout = v.TimeOfDay("checkout_time", r.CheckoutTime) ?? current.CheckoutTime;

        var airbnb = v.Optional("airbnb_ical_url", r.AirbnbIcalUrl, 2000);
        if (airbnb is not null && await urlPolicy.CheckAsync(airbnb, ct) is { } airbnbError) v.Add("airbnb_ical_url", airbnbError);
        var calendars = r.Calendars is null ? null : await ValidateCalendarsAsync(v, r.Calendars, ct);

        v.ThrowIfInvalid();
        return new ValidPropertyRequest(
            new PropertyDetails(name!, address!, city!, zip!, sesCode, sesType, r.HasInternet, r.RoomsCount, r.DefaultCleanerId),
            new PropertySettings(country, timezone, checkin, checkout),
            airbnb, calendars);
    }

    private async Task<List<ValidCalendar>> ValidateCalendarsAsync(Validation v, IReadOnlyList<CalendarRequest> requests, CancellationToken ct)
    {
        var result = new List<ValidCalendar>();
        if (requests.Count > MaxCalendars)
        {
            v.Add("calendars", $"At most {MaxCalendars} calendars per property (one per channel).");
            return result;
        }
        for (var i = 0; i < requests.Count; i++)
        {
            var field = $"calendars[{i}]";
            var c = requests[i];
            if (c is null) { v.Add(field, "A calendar is required."); continue; }
            if (!Enum.TryParse<Channel>(c.Channel, ignoreCase: true, out var channel) || !Enum.IsDefined(channel) || int.TryParse(c.Channel, out _))
            {
                v.Add($"{field}.channel", "channel must be one of booking, vrbo, direct, other.");
                continue;
            }
            if (channel == Channel.Airbnb) v.Add($"{field}.channel", "The Airbnb calendar is set with airbnb_ical_url.");
            if (result.Any(x => x.Channel == channel)) v.Add($"{field}.channel", $"Only one {channel.LowerName()} calendar per property.");
            var interval = c.SyncIntervalMinutes ?? PropertyCalendar.DefaultSyncIntervalMinutes;
            if (interval is < PropertyCalendar.MinSyncIntervalMinutes or > 1440)
                v.Add($"{field}.syncIntervalMinutes", $"syncIntervalMinutes must be between {PropertyCalendar.MinSyncIntervalMinutes} and 1440.");
            if (string.IsNullOrWhiteSpace(c.Url)) { v.Add($"{field}.url", "url is required."); continue; }
            if (c.Url.Trim().Length > 2000) { v.Add($"{field}.url", "url must be at most 2000 characters."); continue; }
            if (await urlPolicy.CheckAsync(c.Url.Trim(), ct) is { } error) v.Add($"{field}.url", error);
            result.Add(new ValidCalendar(channel, c.Url.Trim(), interval));
        }
        return result;
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
