using System.Buffers.Binary;
using System.Text;

namespace Kasify.FunctionalTests.Properties;

/// <summary>Structurally complete (tiny, not decodable) images, with and without camera metadata.</summary>
public static class TinyImages
{
    public const string GpsMarker = "GPSLatitude 40.4168N";

    private static readonly byte[] Jfif = [0xFF, 0xE0, 0, 16, .."JFIF"u8, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
    private static readonly byte[] Scan = [0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0x12, 0x34, 0xFF, 0xD9];

    public static readonly byte[] Jpeg = [0xFF, 0xD8, .. Jfif, .. Scan];

    /// <summary>The same JPEG with an EXIF APP1 segment and a comment carrying a GPS position.</summary>
    public static readonly byte[] JpegWithExif = [0xFF, 0xD8, .. Jfif, .. Segment(0xE1, [.."Exif"u8, 0, 0, .. Encoding.ASCII.GetBytes(GpsMarker)]),
        .. Segment(0xFE, Encoding.ASCII.GetBytes("shot at " + GpsMarker)), .. Scan];

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        .. Chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]), .. Chunk("IDAT", [0x78, 0x9C, 0x63, 0, 0, 0, 1, 0, 1]), .. Chunk("IEND", [])];

    /// <summary>The same PNG with tEXt and eXIf chunks carrying a GPS position.</summary>
    public static readonly byte[] PngWithText = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        .. Chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]), .. Chunk("tEXt", [.."Location"u8, 0, .. Encoding.ASCII.GetBytes(GpsMarker)]),
        .. Chunk("eXIf", Encoding.ASCII.GetBytes("MM" + GpsMarker)),
        .. Chunk("IDAT", [0x78, 0x9C, 0x63, 0, 0, 0, 1, 0, 1]), .. Chunk("IEND", [])];

    public static readonly byte[] WebP = Riff([.. RiffChunk("VP8 ", [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A, 1, 0, 1, 0])]);

    private static byte[] Segment(byte marker, byte[] data)
    {
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(data.Length + 2));
        return [0xFF, marker, .. length, .. data];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        return [.. length, .. Encoding.ASCII.GetBytes(type), .. data, 0, 0, 0, 0]; // CRC not checked by anyone here
    }

    private static byte[] RiffChunk(string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)data.Length);
        return data.Length % 2 == 0 ? [.. Encoding.ASCII.GetBytes(type), .. length, .. data] : [.. Encoding.ASCII.GetBytes(type), .. length, .. data, 0];
    }

    private static byte[] Riff(byte[] chunks)
    {
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)(chunks.Length + 4));
        return [.."RIFF"u8, .. size, .."WEBP"u8, .. chunks];
    }
}
