using Kasify.Domain.AccessCodes;

namespace Kasify.UnitTests.AccessCodes;

public class PinRulesTests
{
    [Test]
    public void Generated_nuki_pins_are_six_digits_from_one_to_nine_and_never_start_with_12()
    {
        for (var i = 0; i < 5_000; i++)
        {
            var pin = PinRules.GenerateNukiPin(new HashSet<string>());

            pin.Should().MatchRegex("^[1-9]{6}$");
            pin.Should().NotStartWith("12");
            PinRules.IsValidNukiFormat(pin).Should().BeTrue();
        }
    }

    [Test]
    public void Generated_nuki_pins_avoid_every_pin_already_on_the_lock()
    {
        var taken = new HashSet<string>();
        for (var i = 0; i < 2_000; i++)
        {
            var pin = PinRules.GenerateNukiPin(taken);
            taken.Add(pin).Should().BeTrue($"{pin} was generated twice");
        }
    }

    [Test]
    public void A_nuki_generator_whose_random_source_keeps_producing_12_retries_until_it_finds_a_valid_pin()
    {
        // Digits come out as '1' + n: the first six draws spell 121111, the next six 333333.
        var draws = new Queue<int>([0, 1, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2]);

        var pin = PinRules.GenerateNukiPin(new HashSet<string>(), _ => draws.Dequeue());

        pin.Should().Be("333333");
    }

    [Test]
    public void A_nuki_generator_that_only_finds_taken_pins_gives_up_instead_of_looping_forever()
    {
        var act = () => PinRules.GenerateNukiPin(new HashSet<string> { "111111" }, _ => 0);

        act.Should().Throw<InvalidOperationException>();
    }

    [TestCase("123456", false, TestName = "Nuki rejects 123456 because it starts with 12")]
    [TestCase("120000", false, TestName = "Nuki rejects 120000 because it starts with 12 and has zeros")]
    [TestCase("345670", false, TestName = "Nuki rejects 345670 because it contains a zero")]
    [TestCase("34567", false, TestName = "Nuki rejects 34567 because it has five digits")]
    [TestCase("3456789", false, TestName = "Nuki rejects 3456789 because it has seven digits")]
    [TestCase("34a678", false, TestName = "Nuki rejects 34a678 because it contains a letter")]
    [TestCase("", false, TestName = "Nuki rejects an empty PIN")]
    [TestCase("213456", true, TestName = "Nuki accepts 213456")]
    [TestCase("999999", true, TestName = "Nuki accepts 999999")]
    public void Nuki_pin_format_follows_the_keypad_rules(string pin, bool expected) =>
        PinRules.IsValidNukiFormat(pin).Should().Be(expected);

    [Test]
    public void A_nuki_pin_already_on_the_lock_is_not_valid() =>
        PinRules.IsValidNukiPin("345678", new HashSet<string> { "345678" }).Should().BeFalse();

    [TestCase(4)]
    [TestCase(6)]
    [TestCase(8)]
    public void Generated_unifi_pins_have_the_site_length_and_only_digits(int length)
    {
        var taken = new HashSet<string>();
        for (var i = 0; i < 2_000; i++)
        {
            var pin = PinRules.GenerateUnifiPin(length, taken);

            pin.Should().HaveLength(length).And.MatchRegex("^[0-9]+$");
            PinRules.IsValidUnifiPin(pin, length, taken).Should().BeTrue();
            taken.Add(pin);
        }
    }

    [TestCase(5)]
    [TestCase(0)]
    [TestCase(10)]
    public void Unifi_pin_generation_refuses_a_length_the_site_cannot_have(int length)
    {
        var act = () => PinRules.GenerateUnifiPin(length, new HashSet<string>());

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [TestCase("1234", 6, false, TestName = "UniFi rejects a 4-digit PIN on a 6-digit site")]
    [TestCase("12345a", 6, false, TestName = "UniFi rejects a PIN with a letter")]
    [TestCase("012345", 6, true, TestName = "UniFi accepts zeros and a leading zero")]
    [TestCase("87654321", 8, true, TestName = "UniFi accepts 8 digits on an 8-digit site")]
    public void Unifi_pin_format_follows_the_site_length(string pin, int length, bool expected) =>
        PinRules.IsValidUnifiFormat(pin, length).Should().Be(expected);

    [Test]
    public void A_unifi_pin_in_use_is_not_valid() =>
        PinRules.IsValidUnifiPin("0000", 4, new HashSet<string> { "0000" }).Should().BeFalse();
}
