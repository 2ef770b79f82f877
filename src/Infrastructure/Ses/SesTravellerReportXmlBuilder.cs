using System.Globalization;
using System.Xml.Linq;
using Kasify.Application.Ses;

namespace Kasify.Infrastructure.Ses;

/// <summary>
/// Builds the inner <c>altaParteHospedaje</c> document. SES validates against an XSD sequence, so the element
/// order below is part of the contract; optional elements are left out rather than sent empty.
/// </summary>
internal static class SesTravellerReportXmlBuilder
{
    public static XDocument Build(SesTravellerReport report) =>
        new(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(
                SesNamespaces.AltaParteHospedaje + "peticion",
                new XAttribute(XNamespace.Xmlns + "ns2", SesNamespaces.AltaParteHospedaje),
                new XElement(
                    "solicitud",
                    new XElement("codigoEstablecimiento", report.EstablishmentCode),
                    new XElement(
                        "comunicacion",
                        Contract(report.Contract),
                        report.Persons.Select(Person)))));

    private static XElement Contract(SesContract contract) =>
        new(
            "contrato",
            new XElement("referencia", contract.Reference),
            new XElement("fechaContrato", Date(contract.ContractDate)),
            new XElement("fechaEntrada", DateTime(contract.CheckInLocal)),
            new XElement("fechaSalida", DateTime(contract.CheckOutLocal)),
            new XElement("numPersonas", contract.PersonCount.ToString(CultureInfo.InvariantCulture)),
            Optional("numHabitaciones", contract.RoomCount?.ToString(CultureInfo.InvariantCulture)),
            Optional("internet", contract.Internet is { } internet ? (internet ? "true" : "false") : null),
            new XElement(
                "pago",
                new XElement("tipoPago", contract.PaymentType),
                Optional("fechaPago", contract.PaymentDate is { } paid ? Date(paid) : null)));

    private static XElement Person(SesPerson person) =>
        new(
            "persona",
            new XElement("rol", person.Role),
            new XElement("nombre", person.FirstName),
            new XElement("apellido1", person.LastName1),
            Optional("apellido2", person.LastName2),
            Optional("tipoDocumento", person.DocumentType),
            Optional("numeroDocumento", person.DocumentNumber),
            Optional("soporteDocumento", person.DocumentSupport),
            new XElement("fechaNacimiento", Date(person.BirthDate)),
            new XElement("nacionalidad", person.NationalityAlpha3),
            new XElement("sexo", person.Sex),
            Address(person.Address),
            Optional("telefono", person.Phone),
            Optional("telefono2", person.Phone2),
            Optional("correo", person.Email),
            Optional("parentesco", person.Relationship));

    // Spain is identified by its INE municipality code, any other country by the municipality's name.
    private static XElement Address(SesAddress address)
    {
        var isSpain = string.Equals(address.CountryAlpha3, SesAddress.SpainAlpha3, StringComparison.OrdinalIgnoreCase);
        return new XElement(
            "direccion",
            new XElement("direccion", address.Street),
            Optional("direccionComplementaria", address.Extra),
            isSpain ? Optional("codigoMunicipio", address.MunicipalityCode) : Optional("nombreMunicipio", address.MunicipalityName),
            new XElement("codigoPostal", address.PostalCode),
            new XElement("pais", address.CountryAlpha3));
    }

    private static XElement? Optional(string name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new XElement(name, value);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DateTime(DateTime localTime) => localTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
