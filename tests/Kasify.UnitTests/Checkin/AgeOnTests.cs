using System.Globalization;
using Kasify.Application.Checkin;

namespace Kasify.UnitTests.Checkin;

public class AgeOnTests
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
        GuestRegistrationValidator.AgeOn(DateOnly.Parse(dob, CultureInfo.InvariantCulture), DateOnly.Parse(day, CultureInfo.InvariantCulture)).Should().Be(expected);
    }
}
