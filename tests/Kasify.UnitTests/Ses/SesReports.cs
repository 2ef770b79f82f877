using Kasify.Application.Ses;

namespace Kasify.UnitTests.Ses;

/// <summary>Object mother: a family of two adults and a child staying in July 2026.</summary>
internal static class SesReports
{
    public static readonly SesAddress MadridAddress = new("Calle de Alcalá 1", "3º B", "28079", null, "28014", "ESP");

    public static readonly SesAddress LondonAddress = new("221B Baker Street", null, null, "London", "NW1 6XE", "GBR");

    public static SesPerson SpanishMother => new(
        SesPerson.TravellerRole, "Lucía", "García", "López", "NIF", "12345678Z", "ABC123456",
        new DateOnly(1985, 3, 14), "ESP", "M", MadridAddress, "+34600111222", null, "lucia@example.com", null);

    public static SesPerson BritishFather => new(
        SesPerson.TravellerRole, "John", "Smith", null, "PAS", "533401372", null,
        new DateOnly(1983, 11, 2), "GBR", "H", MadridAddress, "+447700900123", null, null, null);

    public static SesPerson Daughter => new(
        SesPerson.TravellerRole, "Marta", "Smith", "García", null, null, null,
        new DateOnly(2018, 5, 20), "ESP", "M", MadridAddress, "+34600111222", null, null, "HJ");

    public static SesContract Contract => new(
        "HMABC12345", new DateOnly(2026, 6, 1), new DateTime(2026, 7, 1, 16, 0, 0), new DateTime(2026, 7, 5, 11, 0, 0),
        3, 2, true, "PLATF", new DateOnly(2026, 6, 1));

    public static SesTravellerReport Family => new("0000012345", Contract, [SpanishMother, BritishFather, Daughter]);

    public static SesTravellerReport Single(SesPerson person) =>
        new("0000012345", Contract with { PersonCount = 1, RoomCount = null, Internet = null, PaymentDate = null }, [person]);
}
