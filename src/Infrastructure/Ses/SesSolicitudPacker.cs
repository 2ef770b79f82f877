using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Kasify.Infrastructure.Ses;

/// <summary>The <c>solicitud</c> element carries the inner XML as Base64 of a zip with a single deflated entry.</summary>
internal static class SesSolicitudPacker
{
    public const string EntryName = "data.xml";

    public static string Pack(XDocument innerXml)
    {
        using var zipBytes = new MemoryStream();
        using (var zip = new ZipArchive(zipBytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(EntryName, CompressionLevel.Optimal);
            using var entryStream = entry.Open();
            using var writer = XmlWriter.Create(entryStream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
            innerXml.Save(writer);
        }

        return Convert.ToBase64String(zipBytes.ToArray());
    }
}
