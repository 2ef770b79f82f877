using System.Globalization;
using Kasify.Domain.Checkin;

namespace Kasify.UnitTests.Checkin;

/// <summary>The one age rule: the registration form, the check-in page's minors flag and the SES report's adults use it.</summary>
public class GuestAgeTests
{
    [TestCase("2008-06-15", "2026-06-14", 17, TestName = "The day before the 18th birthday is still 17")]
    [TestCase("2008-06-15", "2026-06-15", 18, TestName = "On the 18th birthday the guest is 18")]
    [TestCase("2012-01-01", "2026-12-31", 14, TestName = "The last day of a year")]
    [TestCase("2008-02-29", "2026-02-28", 17, TestName = "A leap-day baby is not 18 on 28 February of a common year")]
    [TestCase("2008-02-29", "2026-03-01", 18, TestName = "A leap-day baby is 18 on 1 March of a common year")]
    [TestCase("2008-02-29", "2028-02-29", 20, TestName = "A leap-day baby has a birthday in a leap year")]
    [TestCase("2026-11-27", "2026-11-28", 0, TestName = "A baby born yesterday is 0")]
    public void Age_counts_completed_years(string dob, string day, int expected)
    {
        GuestAge.On(Day(dob), Day(day)).Should().Be(expected);
    }

    [TestCase(17, false)]
    [TestCase(18, true)]
    [TestCase(40, true)]
    public void A_guest_is_an_adult_from_18(int age, bool adult)
    {
        GuestAge.IsAdult(age).Should().Be(adult);
    }

    [Test]
    public void A_registered_guest_is_an_adult_from_the_18th_birthday()
    {
        var guest = Guest.Register(Guid.NewGuid(), Guid.NewGuid(),
            new GuestIdentity("Ana", "García", null, "ES", Day("2008-06-15"), "M", null, null, null, "HJ"),
            new GuestContact(null, null, null, null, null, null, null, null, null), new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc));

        (guest.AgeOn(Day("2026-06-14")), guest.IsAdultOn(Day("2026-06-14"))).Should().Be((17, false));
        (guest.AgeOn(Day("2026-06-15")), guest.IsAdultOn(Day("2026-06-15"))).Should().Be((18, true));
    }

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}
