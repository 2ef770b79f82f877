using System.Xml.Linq;

namespace Kasify.TestFakes.Ses;

/// <summary>SOAP answers shaped like the spec v3.1.3 annex examples quoted in vendors.md §4.2.</summary>
internal static class FakeSesAnswers
{
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Ns3 = "http://www.soap.servicios.hospedajes.mir.es/comunicacion";

    public static string Comunicacion(string codigoRetorno, string descripcion, string? lote = null) =>
        Envelope("comunicacionResponse", Respuesta(codigoRetorno, descripcion, lote is null ? null : new XElement("lote", lote)));

    public static string Batch(IEnumerable<FakeSesBatchAnswer> answers) =>
        Envelope("comunicacionResponse", Respuesta("0", "Ok", answers.Select(Resultado)));

    // Only the tuplas are documented; the wrapper around them is a guess.
    public static string Catalogue(string catalogue) =>
        Envelope(
            "catalogoResponse",
            Respuesta(
                "0",
                "Ok",
                new XElement("resultado", CatalogueEntries(catalogue).Select(e => new XElement("tupla", new XElement("codigo", e.Code), new XElement("descripcion", e.Description))))));

    public static string Fault(string message) =>
        new XDocument(
            new XElement(
                Soap + "Envelope",
                new XAttribute(XNamespace.Xmlns + "soap", Soap),
                new XElement(Soap + "Body", new XElement(Soap + "Fault", new XElement("faultcode", "soap:Client"), new XElement("faultstring", message)))))
            .ToString(SaveOptions.DisableFormatting);

    private static XElement Respuesta(string codigoRetorno, string descripcion, params object?[] extra) =>
        new("respuesta", new XElement("codigoRetorno", codigoRetorno), new XElement("descripcion", descripcion), extra);

    private static XElement Resultado(FakeSesBatchAnswer answer) =>
        new(
            "resultado",
            new XElement("lote", answer.Lote),
            new XElement("tipoComunicacion", "PV"),
            new XElement("codigoEstado", answer.State),
            new XElement("descEstado", answer.StateDescription),
            new XElement("resultadoComunicaciones", answer.Results.Select(r => Result(r, answer.MisspellResultTag))));

    private static XElement Result(FakeSesCommunicationResult result, bool misspelled) =>
        new(
            misspelled ? "resutadoComunicacion" : "resultadoComunicacion",
            new XElement("orden", result.Orden),
            result.CodigoComunicacion is null ? null : new XElement("codigoComunicacion", result.CodigoComunicacion),
            result.TipoError is null ? null : new XElement("tipoError", result.TipoError),
            result.Error is null ? null : new XElement("error", result.Error));

    private static (string Code, string Description)[] CatalogueEntries(string catalogue) => catalogue switch
    {
        "SEXO" => [("H", "Hombre"), ("M", "Mujer"), ("O", "Otro")],
        "TIPO_DOCUMENTO" => [("NIF", "NIF"), ("NIE", "NIE"), ("PAS", "Pasaporte"), ("OTRO", "Otro")],
        _ => [],
    };

    private static string Envelope(string operation, XElement respuesta) =>
        new XDocument(
            new XElement(
                Soap + "Envelope",
                new XAttribute(XNamespace.Xmlns + "soap", Soap),
                new XElement(Soap + "Body", new XElement(Ns3 + operation, new XAttribute(XNamespace.Xmlns + "ns3", Ns3), respuesta))))
            .ToString(SaveOptions.DisableFormatting);
}
