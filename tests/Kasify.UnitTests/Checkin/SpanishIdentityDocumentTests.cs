using Kasify.Domain.Checkin;

namespace Kasify.UnitTests.Checkin;

public class SpanishIdentityDocumentTests
{
    [TestCase("12345678Z")]
    [TestCase("00000000T")]
    [TestCase("99999999R")]
    [TestCase("87654321X")]
    [TestCase("12345678z")]
    [TestCase(" 12 345 678-Z ")]
    [TestCase("12.345.678-Z")]
    public void A_dni_with_the_right_check_letter_is_a_valid_nif(string number)
    {
        SpanishIdentityDocument.IsValidNif(number).Should().BeTrue();
    }

    [TestCase("12345678A", TestName = "A wrong check letter")]
    [TestCase("1234567Z", TestName = "Seven digits")]
    [TestCase("123456789Z", TestName = "Nine digits")]
    [TestCase("1234567XZ", TestName = "A letter among the digits")]
    [TestCase("12345678", TestName = "No check letter")]
    [TestCase("X1234567L", TestName = "A NIE")]
    [TestCase("", TestName = "Empty")]
    [TestCase(null, TestName = "Missing")]
    public void An_invalid_nif_is_rejected(string? number)
    {
        SpanishIdentityDocument.IsValidNif(number).Should().BeFalse();
    }

    [TestCase("X1234567L")]
    [TestCase("Y1234567X")]
    [TestCase("Z1234567R")]
    [TestCase("x-1234567-l")]
    [TestCase(" y 1234567 x ")]
    public void A_nie_with_the_right_check_letter_is_valid(string number)
    {
        SpanishIdentityDocument.IsValidNie(number).Should().BeTrue();
    }

    [TestCase("X1234567A", TestName = "A wrong check letter")]
    [TestCase("Y1234567L", TestName = "The letter of another prefix")]
    [TestCase("W1234567L", TestName = "An unknown prefix")]
    [TestCase("X123456L", TestName = "Six digits")]
    [TestCase("12345678Z", TestName = "A DNI")]
    [TestCase(null, TestName = "Missing")]
    public void An_invalid_nie_is_rejected(string? number)
    {
        SpanishIdentityDocument.IsValidNie(number).Should().BeFalse();
    }

    [TestCase(" x-1234567-l ", "X1234567L")]
    [TestCase("12.345.678 z", "12345678Z")]
    [TestCase(null, "")]
    public void Normalising_removes_separators_and_upper_cases(string? input, string expected)
    {
        SpanishIdentityDocument.Normalize(input).Should().Be(expected);
    }
}
