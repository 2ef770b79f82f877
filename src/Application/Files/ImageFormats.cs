namespace Kasify.Application.Files;

/// <summary>Recognises images by their first bytes, never by the name or the declared content type.</summary>
public static class ImageFormats
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }
}
