using System.Security.Cryptography;
using System.Text;

namespace Kasify.TestFakes.Calendars;

internal static class FakeUid
{
    /// <summary>Deterministic lowercase hex, so the same builder calls give the same feed.</summary>
    public static string Hex(string seed, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..length];
}
