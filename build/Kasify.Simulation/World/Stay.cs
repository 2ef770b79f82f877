namespace Kasify.Simulation.World;

public enum StaySource { Airbnb, AirbnbBlock, BookingComBlock, Manual }

/// <summary>
/// One stay as the outside world knows it (the truth the invariants compare the locks and tasks with): published in a
/// feed or entered by the host, possibly moved, cancelled and restored. <see cref="Live"/> = confirmed now.
/// </summary>
public sealed class Stay
{
    public required string Key { get; init; }
    public required SimProperty Property { get; init; }
    public required StaySource Source { get; init; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public bool Published { get; set; }
    public bool Live { get; set; }
    /// <summary>When <see cref="Live"/> (or the dates) last changed: the clock the tolerances start from.</summary>
    public DateTime ChangedAt { get; set; }
    public bool EverCancelled { get; set; }
    public bool EverMoved { get; set; }
    public Guid? BookingId { get; set; }
    /// <summary>How long before arrival the guests register for check-in; null: they never do.</summary>
    public TimeSpan? RegistersBeforeArrival { get; set; }
    /// <summary>When the last guest registered (the check-in was completed), or null.</summary>
    public DateTime? CheckinCompletedAt { get; set; }
    public bool RegistrationTried { get; set; }

    public bool IsGuestStay => Source is StaySource.Airbnb or StaySource.Manual;
    public bool FromFeed => Source != StaySource.Manual;
    public string FeedUid => Source switch
    {
        StaySource.Airbnb => TestFakes.Calendars.AirbnbFeed.ReservationUid(ReservationCode),
        StaySource.AirbnbBlock => $"{TestFakes.Calendars.AirbnbFeed.BlockUidPrefix}-{Hex(Key)}@airbnb.com",
        StaySource.BookingComBlock => $"{Hex(Key)}@booking.com",
        _ => "",
    };

    /// <summary>
    /// The Airbnb confirmation code (HM + 8 characters, as Airbnb's): it becomes the booking's channel id and so the SES
    /// <c>referencia</c>, by which invariant 5 finds the stay's partes at the fake SES.
    /// </summary>
    public string ReservationCode => $"HM{Property.Index:D4}{Key[5..9]}";

    private static string Hex(string seed) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)))[..32];

    public DateTime CheckinUtc => Application.Common.TimeZones.ToUtc(From, Property.CheckinTime, Property.TimeZone);
    public DateTime CheckoutUtc => Application.Common.TimeZones.ToUtc(To, Property.CheckoutTime, Property.TimeZone);
}
