using System.Text;

namespace Kasify.TestFakes.Calendars;

/// <summary>Writes content lines the way the vendors do: CRLF, folded at 75 octets (RFC 5545 §3.1).</summary>
internal sealed class IcsLines
{
    private const int MaxOctets = 75;
    private readonly StringBuilder _text = new();

    public IcsLines Add(string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                _text.Append("\r\n ");
                octets = 1;
            }

            _text.Append(rune.ToString());
            octets += size;
        }

        _text.Append("\r\n");
        return this;
    }

    public override string ToString() => _text.ToString();
}
