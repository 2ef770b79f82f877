using System.Xml.Linq;

namespace Kasify.Infrastructure.Ses;

internal static class SesNamespaces
{
    public static readonly XNamespace SoapEnvelope = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Comunicacion = "http://www.soap.servicios.hospedajes.mir.es/comunicacion";
    public static readonly XNamespace AltaParteHospedaje = "http://www.neg.hospedajes.mir.es/altaParteHospedaje";
    public static readonly XNamespace AnulacionLote = "http://www.neg.hospedajes.mir.es/anulacionLote";
    public static readonly XNamespace ConsultarComunicacion = "http://www.neg.hospedajes.mir.es/consultarComunicacion";
}
