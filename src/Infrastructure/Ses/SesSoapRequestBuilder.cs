using System.Xml.Linq;

namespace Kasify.Infrastructure.Ses;

internal static class SesSoapRequestBuilder
{
    public const string ApplicationName = "Kasify";

    public static XDocument Comunicacion(string landlordCode, string operationType, string? communicationType, string solicitud) =>
        Envelope(
            new XElement(
                SesNamespaces.Comunicacion + "comunicacionRequest",
                new XElement(
                    "peticion",
                    new XElement(
                        "cabecera",
                        new XElement("codigoArrendador", landlordCode),
                        new XElement("aplicacion", ApplicationName),
                        new XElement("tipoOperacion", operationType),
                        communicationType is null ? null : new XElement("tipoComunicacion", communicationType)),
                    new XElement("solicitud", solicitud))));

    public static XDocument Catalogue(string catalogue) =>
        Envelope(
            new XElement(
                SesNamespaces.Comunicacion + "catalogoRequest",
                new XElement("peticion", new XElement("catalogo", catalogue))));

    public static XDocument BatchQuery(string batchId) =>
        new(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(
                SesNamespaces.ConsultarComunicacion + "lotes",
                new XAttribute(XNamespace.Xmlns + "con", SesNamespaces.ConsultarComunicacion),
                new XElement(SesNamespaces.ConsultarComunicacion + "lote", batchId)));

    /// <summary>Anulación of a whole lote: the consulta's shape in the anulación namespace (the spec's own sample is not public (?)).</summary>
    public static XDocument BatchCancellation(string batchId) =>
        new(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(
                SesNamespaces.AnulacionLote + "lotes",
                new XAttribute(XNamespace.Xmlns + "anu", SesNamespaces.AnulacionLote),
                new XElement(SesNamespaces.AnulacionLote + "lote", batchId)));

    private static XDocument Envelope(XElement operation) =>
        new(
            new XElement(
                SesNamespaces.SoapEnvelope + "Envelope",
                new XAttribute(XNamespace.Xmlns + "soapenv", SesNamespaces.SoapEnvelope),
                new XAttribute(XNamespace.Xmlns + "com", SesNamespaces.Comunicacion),
                new XElement(SesNamespaces.SoapEnvelope + "Header"),
                new XElement(SesNamespaces.SoapEnvelope + "Body", operation)));
}
