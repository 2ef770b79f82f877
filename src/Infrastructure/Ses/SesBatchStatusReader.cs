using System.Globalization;
using System.Xml.Linq;
using Kasify.Application.Ses;

namespace Kasify.Infrastructure.Ses;

/// <summary>Maps the <c>resultado</c> of a batch query (tipoOperacion C) to <see cref="SesBatchStatus"/>.</summary>
internal static class SesBatchStatusReader
{
    // The spec itself misspells the item tag in places; both spellings occur.
    private static readonly string[] ResultItemNames = ["resultadoComunicacion", "resutadoComunicacion"];

    // Searches the whole body: where resultado sits relative to respuesta is not documented.
    public static SesBatchStatus Read(XDocument body, string batchId)
    {
        var results = body.Descendants().Where(e => e.Name.LocalName == "resultado").ToList();
        var resultado = results.FirstOrDefault(r => r.ChildValue("lote") == batchId) ?? results.FirstOrDefault()
            ?? throw new SesException(SesErrorKind.Rejected, $"SES answered without resultado for lote {batchId}");

        var state = resultado.ChildValue("codigoEstado");
        var items = resultado.Descendants().Where(e => ResultItemNames.Contains(e.Name.LocalName)).ToList();
        var accepted = items.Where(IsAccepted).Select(ToAccepted).ToList();
        var errors = items.Where(i => !IsAccepted(i)).Select(ToError).ToList();

        return state switch
        {
            "1" => new SesBatchStatus.Processed(accepted),
            "4" or "5" => new SesBatchStatus.Processing(),
            "6" => new SesBatchStatus.ProcessedWithErrors(accepted, errors),
            "2" => new SesBatchStatus.Rejected(resultado.ChildValue("descEstado"), errors),
            // Documented only as "retry (?)": nothing final is known about the batch, so the caller asks again later.
            "3" => throw new SesException(SesErrorKind.Transient, $"lote {batchId} is in state 3 (retry)"),
            _ => throw new SesException(SesErrorKind.Rejected, $"lote {batchId} has unknown codigoEstado '{state}'"),
        };
    }

    private static bool IsAccepted(XElement item) => !string.IsNullOrEmpty(item.ChildValue("codigoComunicacion"));

    private static SesCommunicationAccepted ToAccepted(XElement item) => new(Order(item), item.ChildValue("codigoComunicacion")!);

    private static SesCommunicationError ToError(XElement item) =>
        new(Order(item), item.ChildValue("tipoError"), item.ChildValue("error"));

    private static int Order(XElement item) =>
        int.TryParse(item.ChildValue("orden"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var order) ? order : 0;
}
