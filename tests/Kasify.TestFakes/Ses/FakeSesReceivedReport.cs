using System.Xml.Linq;

namespace Kasify.TestFakes.Ses;

/// <summary>An alta (tipoOperacion A) as the fake received it, with the decoded inner XML.</summary>
/// <param name="Lote">The lote the fake answered with; null when the report was refused.</param>
public sealed record FakeSesReceivedReport(
    string? LandlordCode,
    string? Application,
    string? CommunicationType,
    string? Authorization,
    string? ContentType,
    IReadOnlyList<string> ZipEntryNames,
    XDocument Document,
    string? Lote);
