using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Kasify.Domain.Accounts;

namespace Kasify.Application.Accounts;

public static class PersonalAccessTokens
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary><c>kas_pat_</c> + 32 random bytes in base62 (about 43 characters).</summary>
    public static string NewToken()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var value = new BigInteger(bytes, isUnsigned: true);
        var text = new StringBuilder();
        while (value > 0)
        {
            text.Insert(0, Base62[(int)(value % 62)]);
            value /= 62;
        }
        return PersonalAccessToken.Prefix + text.ToString().PadLeft(43, '0');
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string DisplayPrefix(string token) => token[..(PersonalAccessToken.Prefix.Length + 4)];
}
