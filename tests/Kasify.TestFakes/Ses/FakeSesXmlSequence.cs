using System.Xml.Linq;

namespace Kasify.TestFakes.Ses;

/// <summary>One element of an XSD sequence: its name, whether it must appear, whether it may repeat.</summary>
internal sealed record FakeSesXmlField(string Name, bool Required = true, bool Repeats = false);

internal static class FakeSesXmlSequence
{
    /// <summary>Checks that the children of <paramref name="parent"/> follow <paramref name="fields"/> in order.</summary>
    public static IEnumerable<string> Check(XElement parent, string path, IReadOnlyList<FakeSesXmlField> fields)
    {
        var position = -1;
        var seen = new HashSet<string>();
        foreach (var child in parent.Elements())
        {
            var name = child.Name.LocalName;
            if (child.Name.Namespace != XNamespace.None)
            {
                yield return $"{path}/{name}: child elements must be unqualified";
            }

            var index = IndexOf(fields, name);
            if (index < 0)
            {
                yield return $"{path}/{name}: unexpected element";
                continue;
            }

            if (index < position || (index == position && !fields[index].Repeats))
            {
                yield return $"{path}/{name}: out of order";
            }

            position = Math.Max(position, index);
            seen.Add(name);
        }

        foreach (var missing in fields.Where(f => f.Required && !seen.Contains(f.Name)))
        {
            yield return $"{path}/{missing.Name}: missing";
        }
    }

    private static int IndexOf(IReadOnlyList<FakeSesXmlField> fields, string name)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
