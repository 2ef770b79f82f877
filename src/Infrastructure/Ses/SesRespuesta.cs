using System.Xml.Linq;
using Kasify.Application.Ses;

namespace Kasify.Infrastructure.Ses;

/// <summary>The <c>respuesta</c> element common to SES answers: <c>codigoRetorno</c> 0 is success.</summary>
internal sealed record SesRespuesta(string ReturnCode, string Description, XElement Element)
{
    public const string TransientReturnCode = "10999";

    public bool IsOk => ReturnCode == "0";

    public bool IsTransient => ReturnCode == TransientReturnCode;

    public string? Lote => Element.ChildValue("lote");

    /// <summary>Reads the answer; null when the body has no <c>respuesta</c> (catalogue answers may have none).</summary>
    public static SesRespuesta? TryRead(XDocument body)
    {
        var respuesta = body.Descendants().FirstOrDefault(e => e.Name.LocalName == "respuesta");
        if (respuesta?.ChildValue("codigoRetorno") is not { } code)
        {
            return null;
        }

        return new SesRespuesta(code, respuesta.ChildValue("descripcion") ?? string.Empty, respuesta);
    }

    public static SesRespuesta Read(XDocument body) =>
        TryRead(body) ?? throw new SesException(SesErrorKind.Rejected, "SES answered without respuesta/codigoRetorno");

    public SesException ToException() =>
        new(IsTransient ? SesErrorKind.Transient : SesErrorKind.Rejected, $"codigoRetorno {ReturnCode}: {Description}");
}
