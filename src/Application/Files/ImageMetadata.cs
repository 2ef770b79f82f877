using System.Buffers.Binary;

namespace Kasify.Application.Files;

/// <summary>
/// Removes what a camera or phone writes about the photo (EXIF with GPS position, XMP, IPTC, comments) before a cover
/// image is stored and served publicly. Byte-level: the pixels are copied untouched, no image library needed.
/// A file whose structure it cannot walk is rejected (null): it could hide metadata where a reader would find it.
/// </summary>
public static class ImageMetadata
{
    /// <returns>The image without metadata, or null when the structure is broken.</returns>
    public static byte[]? Strip(byte[] image, string contentType) => contentType switch
    {
        "image/jpeg" => StripJpeg(image),
        "image/png" => StripPng(image),
        "image/webp" => StripWebp(image),
        _ => image,
    };

    // Segments before the scan: APP1 (EXIF, XMP), APP13 (IPTC) and COM go; JFIF, ICC profile, Adobe and tables stay.
    private static byte[]? StripJpeg(byte[] b)
    {
        using var output = new MemoryStream(b.Length);
        output.Write(b, 0, 2); // SOI
        var i = 2;
        while (i + 4 <= b.Length)
        {
            if (b[i] != 0xFF) return null;
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            if (marker == 0xDA || marker == 0xD9) // start of scan / end of image: the rest is image data
            {
                output.Write(b, i, b.Length - i);
                return output.ToArray();
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 2, 2));
            if (length < 2 || i + 2 + length > b.Length) return null;
            var drop = marker is 0xE1 or 0xED or 0xFE;
            if (!drop) output.Write(b, i, 2 + length);
            i += 2 + length;
        }
        return null;
    }

    private static readonly string[] PngMetadataChunks = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"];

    private static byte[]? StripPng(byte[] b)
    {
        using var output = new MemoryStream(b.Length);
        output.Write(b, 0, 8); // signature
        var i = 8;
        while (i + 12 <= b.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(i, 4));
            if (length > int.MaxValue || i + 12L + length > b.Length) return null;
            var type = System.Text.Encoding.ASCII.GetString(b, i + 4, 4);
            var size = 12 + (int)length; // length, type, data, CRC
            if (!PngMetadataChunks.Contains(type)) output.Write(b, i, size);
            i += size;
            if (type == "IEND") return output.ToArray();
        }
        return null;
    }

    // RIFF container: drop the EXIF and XMP chunks, clear their flags in VP8X and fix the RIFF size.
    private static byte[]? StripWebp(byte[] b)
    {
        if (b.Length < 12) return null;
        using var output = new MemoryStream(b.Length);
        output.Write(b, 0, 12);
        var i = 12;
        while (i + 8 <= b.Length)
        {
            var type = System.Text.Encoding.ASCII.GetString(b, i, 4);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(i + 4, 4));
            var size = 8 + length + (length & 1); // chunks are padded to an even size
            if (i + size > b.Length) return null;
            if (type is not ("EXIF" or "XMP "))
            {
                var start = (int)output.Position;
                output.Write(b, i, (int)size);
                if (type == "VP8X" && length >= 1)
                {
                    output.Position = start + 8;
                    var flags = (byte)output.ReadByte();
                    output.Position = start + 8;
                    output.WriteByte((byte)(flags & ~0x0C)); // EXIF (0x08) and XMP (0x04) present
                    output.Position = output.Length;
                }
            }
            i += (int)size;
        }
        if (i != b.Length) return null;
        var result = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4, 4), (uint)(result.Length - 8));
        return result;
    }
}
