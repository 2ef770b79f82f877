using System.Security.Cryptography;

namespace Kasify.Domain.AccessCodes;

// Keypad PIN rules per vendor (see shared/vendors.md §1.6 and §2.5).
// Generators take a random source "nextInt(maxExclusive)" so tests can make them deterministic;
// the default is the cryptographic RandomNumberGenerator because PINs open doors.
public static class PinRules
{
    public const int NukiPinLength = 6;
    public const int DefaultUnifiPinLength = 6;
    public static readonly IReadOnlyList<int> UnifiPinLengths = [4, 6, 8];

    // Enough attempts that a nearly full lock still finds a free PIN, bounded so a full one fails fast.
    private const int MaxGenerationAttempts = 10_000;

    public static bool IsValidNukiFormat(string? pin) =>
        pin is { Length: NukiPinLength }
        && pin.All(c => c is >= '1' and <= '9')
        && !pin.StartsWith("12", StringComparison.Ordinal);

    public static bool IsValidNukiPin(string? pin, IReadOnlySet<string> pinsOnLock) =>
        IsValidNukiFormat(pin) && !pinsOnLock.Contains(pin!);

    public static string GenerateNukiPin(IReadOnlySet<string> pinsOnLock, Func<int, int>? nextInt = null)
    {
        var random = nextInt ?? RandomNumberGenerator.GetInt32;
        return Generate(pinsOnLock, pin => IsValidNukiFormat(pin), () =>
        {
            var digits = new char[NukiPinLength];
            for (var i = 0; i < digits.Length; i++)
            {
                digits[i] = (char)('1' + random(9));
            }
            return new string(digits);
        });
    }

    public static bool IsSupportedUnifiLength(int length) => UnifiPinLengths.Contains(length);

    public static bool IsValidUnifiFormat(string? pin, int siteLength) =>
        pin is not null && pin.Length == siteLength && pin.All(char.IsAsciiDigit);

    public static bool IsValidUnifiPin(string? pin, int siteLength, IReadOnlySet<string> pinsInUse) =>
        IsValidUnifiFormat(pin, siteLength) && !pinsInUse.Contains(pin!);

    public static string GenerateUnifiPin(int siteLength, IReadOnlySet<string> pinsInUse, Func<int, int>? nextInt = null)
    {
        if (!IsSupportedUnifiLength(siteLength))
        {
            throw new ArgumentOutOfRangeException(nameof(siteLength), siteLength, "UniFi PIN length must be 4, 6 or 8.");
        }

        var random = nextInt ?? RandomNumberGenerator.GetInt32;
        return Generate(pinsInUse, pin => IsValidUnifiFormat(pin, siteLength), () =>
        {
            var digits = new char[siteLength];
            for (var i = 0; i < digits.Length; i++)
            {
                digits[i] = (char)('0' + random(10));
            }
            return new string(digits);
        });
    }

    private static string Generate(IReadOnlySet<string> taken, Func<string, bool> isValid, Func<string> candidate)
    {
        for (var attempt = 0; attempt < MaxGenerationAttempts; attempt++)
        {
            var pin = candidate();
            if (isValid(pin) && !taken.Contains(pin))
            {
                return pin;
            }
        }

        throw new InvalidOperationException("Could not find a free PIN; too many PINs are already in use.");
    }
}
