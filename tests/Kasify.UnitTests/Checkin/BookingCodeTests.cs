using Kasify.Application.Checkin;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;

namespace Kasify.UnitTests.Checkin;

public sealed class BookingCodeTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly StayPeriod June = StayPeriod.Create(new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 14), new TimeOnly(16, 0), new TimeOnly(11, 0));

    [Test]
    public void Bookings_without_a_channel_id_created_in_the_same_minute_get_different_references()
    {
        var propertyId = Guid.NewGuid();
        var codes = Enumerable.Range(0, 200)
            .Select(_ => CheckinState.BookingCode(Booking.Create(propertyId, June, Channel.Direct, null, BookingStatus.Confirmed, GuestDetails.None, Now)))
            .ToList();

        codes.Should().OnlyHaveUniqueItems("the SES referencia and the check-in page name the stay by it");
    }

    [Test]
    public void A_channel_id_is_the_reference_when_it_fits()
    {
        var booking = Booking.Create(Guid.NewGuid(), June, Channel.Airbnb, "HMABCDEF12", BookingStatus.Confirmed, GuestDetails.None, Now);

        CheckinState.BookingCode(booking).Should().Be("HMABCDEF12");
    }
}
