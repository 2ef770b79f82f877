using System.Globalization;

namespace Kasify.TestFakes.Calendars;

/// <summary>Builds an Airbnb listing export exactly as vendors.md §3.1 describes it.</summary>
public sealed class AirbnbFeed
{
    public const string ReservationUidPrefix = "1418fb94e984";
    public const string BlockUidPrefix = "6fec1092d3fa";

    private readonly List<Func<IcsLines, IcsLines>> _events = [];
    private string _productId = "-//Airbnb Inc//Hosting Calendar 0.8.8//EN";

    public AirbnbFeed WithHostingCalendarVersion(string version)
    {
        _productId = $"-//Airbnb Inc//Hosting Calendar {version}//EN";
        return this;
    }

    public AirbnbFeed WithReservation(
        DateOnly checkIn, DateOnly checkOut, string code = "HMABCDE123", string? phoneLast4 = "1234",
        string? uid = null, bool oldItineraryUrl = false)
    {
        var url = oldItineraryUrl
            ? $"https://www.airbnb.com/reservation/itinerary?code={code}"
            : $"https://www.airbnb.com/hosting/reservations/details/{code}";
        var description = phoneLast4 is null
            ? $"Reservation URL: {url}"
            : $"Reservation URL: {url}\\nPhone Number (Last 4 Digits): {phoneLast4}";
        var eventUid = uid ?? ReservationUid(code);
        _events.Add(lines => lines
            .Add($"DTEND;VALUE=DATE:{Ics(checkOut)}")
            .Add($"DTSTART;VALUE=DATE:{Ics(checkIn)}")
            .Add($"UID:{eventUid}")
            .Add($"DESCRIPTION:{description}")
            .Add("SUMMARY:Reserved"));
        return this;
    }

    public AirbnbFeed WithBlock(DateOnly from, DateOnly to, string? uid = null, bool oldSummary = false)
    {
        var eventUid = uid ?? BlockUid(from, to);
        var summary = oldSummary ? "Not available" : "Airbnb (Not available)";
        _events.Add(lines => lines
            .Add($"DTEND;VALUE=DATE:{Ics(to)}")
            .Add($"DTSTART;VALUE=DATE:{Ics(from)}")
            .Add($"UID:{eventUid}")
            .Add($"SUMMARY:{summary}"));
        return this;
    }

    public static string ReservationUid(string code) =>
        $"{ReservationUidPrefix}-{FakeUid.Hex("airbnb-reservation-" + code, 32)}@airbnb.com";

    public static string BlockUid(DateOnly from, DateOnly to) =>
        $"{BlockUidPrefix}-{FakeUid.Hex($"airbnb-block-{from:O}-{to:O}", 32)}@airbnb.com";

    public string Build()
    {
        var lines = new IcsLines()
            .Add("BEGIN:VCALENDAR")
            .Add($"PRODID;X-RICAL-TZSOURCE=TZINFO:{_productId}")
            .Add("CALSCALE:GREGORIAN")
            .Add("VERSION:2.0");
        foreach (var writeEvent in _events)
        {
            writeEvent(lines.Add("BEGIN:VEVENT")).Add("END:VEVENT");
        }

        return lines.Add("END:VCALENDAR").ToString();
    }

    public override string ToString() => Build();

    private static string Ics(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
