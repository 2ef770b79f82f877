using System.Globalization;

namespace Kasify.Domain.Checkin;

/// <summary>
/// Check-letter validation of Spanish identity numbers: NIF/DNI (8 digits + letter) and
/// NIE (X, Y or Z + 7 digits + letter, the prefix standing for 0, 1 or 2).
/// </summary>
public static class SpanishIdentityDocument
{
    private const string CheckLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

    /// <summary>Upper case without spaces, hyphens or dots: " x-1234567-l " becomes "X1234567L".</summary>
    public static string Normalize(string? number) =>
        number is null
            ? string.Empty
            : string.Concat(number.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '.')).ToUpperInvariant();

    public static bool IsValidNif(string? number)
    {
        var normalized = Normalize(number);
        return normalized.Length == 9
            && normalized.Take(8).All(char.IsAsciiDigit)
            && HasCheckLetter(normalized[..8], normalized[8]);
    }

    public static bool IsValidNie(string? number)
    {
        var normalized = Normalize(number);
        if (normalized.Length != 9 || !normalized.Skip(1).Take(7).All(char.IsAsciiDigit))
        {
            return false;
        }

        var prefixDigit = normalized[0] switch
        {
            'X' => "0",
            'Y' => "1",
            'Z' => "2",
            _ => null,
        };
        return prefixDigit is not null && HasCheckLetter(prefixDigit + normalized[1..8], normalized[8]);
    }

    // For a NIE the prefix letter has already been replaced by its digit.
    private static bool HasCheckLetter(string eightDigits, char letter) =>
        CheckLetters[int.Parse(eightDigits, CultureInfo.InvariantCulture) % 23] == letter;
}
