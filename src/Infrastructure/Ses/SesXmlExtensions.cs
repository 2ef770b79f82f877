using System.Xml.Linq;

namespace Kasify.Infrastructure.Ses;

internal static class SesXmlExtensions
{
    // SES children are unqualified, but matching by local name keeps us working if a prefix ever appears.
    public static string? ChildValue(this XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim();
}
