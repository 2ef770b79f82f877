using System.Security.Cryptography;
using System.Text;

namespace Kasify.Infrastructure.Geo;

/// <summary>RFC 4122 (RFC 9562) version 5 UUIDs: SHA-1 over a namespace UUID and a UTF-8 name.</summary>
internal static class NameBasedGuid
{
    public static Guid Create(Guid namespaceId, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        // The RFC hashes the namespace in network byte order, unlike Guid's default mixed-endian layout.
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

#pragma warning disable CA5350 // SHA-1 is what version 5 UUIDs are defined with; this is not a security use.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350

        var uuid = hash.AsSpan(0, 16);
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }
}
