using System.Text;
using System.Xml.Linq;
using Kasify.Application.Ses;

namespace Kasify.UnitTests.Ses;

public sealed class SesTravellerReportSubmissionTests : SesClientTestBase
{
    private static readonly XNamespace AltaParte = "http://www.neg.hospedajes.mir.es/altaParteHospedaje";

    [Test]
    public async Task A_family_report_is_accepted_with_the_lote_SES_returned()
    {
        var result = await Host.Client.SubmitTravellerReportAsync(Host.Credentials, SesReports.Family, CancellationToken.None);

        var lote = Host.Fake.ReceivedReports.Should().ContainSingle().Which.Lote;
        lote.Should().NotBeNullOrEmpty();
        result.Should().Be(new SesSubmitResult.Accepted(lote!));
    }

    [Test]
    public async Task A_family_report_reaches_SES_with_every_element_in_the_XSD_order()
    {
        await Host.Client.SubmitTravellerReportAsync(Host.Credentials, SesReports.Family, CancellationToken.None);

        var root = Host.Fake.ReceivedReports.Single().Document.Root!;
        root.Name.Should().Be(AltaParte + "peticion");
        root.GetPrefixOfNamespace(AltaParte).Should().Be("ns2");
        var solicitud = root.Element("solicitud")!;
        Names(solicitud).Should().Equal("codigoEstablecimiento", "comunicacion");
        var comunicacion = solicitud.Element("comunicacion")!;
        Names(comunicacion).Should().Equal("contrato", "persona", "persona", "persona");

        var contrato = comunicacion.Element("contrato")!;
        Names(contrato).Should().Equal("referencia", "fechaContrato", "fechaEntrada", "fechaSalida", "numPersonas", "numHabitaciones", "internet", "pago");
        Values(contrato).Should().StartWith(["HMABC12345", "2026-06-01", "2026-07-01T16:00:00", "2026-07-05T11:00:00", "3", "2", "true"]);
        Names(contrato.Element("pago")!).Should().Equal("tipoPago", "fechaPago");
        Values(contrato.Element("pago")!).Should().Equal("PLATF", "2026-06-01");

        var personas = comunicacion.Elements("persona").ToList();
        Names(personas[0]).Should().Equal(
            "rol", "nombre", "apellido1", "apellido2", "tipoDocumento", "numeroDocumento", "soporteDocumento",
            "fechaNacimiento", "nacionalidad", "sexo", "direccion", "telefono", "correo");
        Values(personas[0]).Should().StartWith(["VI", "Lucía", "García", "López", "NIF", "12345678Z", "ABC123456", "1985-03-14", "ESP", "M"]);
        Names(personas[1]).Should().Equal(
            "rol", "nombre", "apellido1", "tipoDocumento", "numeroDocumento", "fechaNacimiento", "nacionalidad", "sexo", "direccion", "telefono");
        Names(personas[2]).Should().Equal(
            "rol", "nombre", "apellido1", "apellido2", "fechaNacimiento", "nacionalidad", "sexo", "direccion", "telefono", "parentesco");
        personas[2].Element("parentesco")!.Value.Should().Be("HJ");
        Names(personas[0].Element("direccion")!).Should().Equal("direccion", "direccionComplementaria", "codigoMunicipio", "codigoPostal", "pais");
        root.Descendants().Should().OnlyContain(e => e == root || e.Name.Namespace == XNamespace.None, "children are unqualified");
    }

    [Test]
    public async Task The_solicitud_is_a_zip_with_a_single_data_xml_entry()
    {
        await Host.Client.SubmitTravellerReportAsync(Host.Credentials, SesReports.Family, CancellationToken.None);

        Host.Fake.ReceivedReports.Single().ZipEntryNames.Should().Equal("data.xml");
    }

    [Test]
    public async Task The_request_carries_Basic_auth_the_SOAP_content_type_and_a_PV_alta_header()
    {
        await Host.Client.SubmitTravellerReportAsync(Host.Credentials, SesReports.Family, CancellationToken.None);

        var received = Host.Fake.ReceivedReports.Single();
        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Host.Fake.Username}:{Host.Fake.Password}"));
        received.Authorization.Should().Be($"Basic {expected}");
        received.ContentType.Should().Be("text/xml; charset=utf-8");
        received.LandlordCode.Should().Be(SesTestHost.LandlordCode);
        received.Application.Should().Be("Kasify");
        received.CommunicationType.Should().Be("PV");
    }

    [Test]
    public async Task A_Spanish_address_gives_the_INE_municipality_code_and_a_foreign_one_the_municipality_name()
    {
        var londoner = SesReports.BritishFather with { Address = SesReports.LondonAddress };
        var report = SesReports.Family with { Persons = [SesReports.SpanishMother, londoner] };

        var result = await Host.Client.SubmitTravellerReportAsync(Host.Credentials, report, CancellationToken.None);

        result.Should().BeOfType<SesSubmitResult.Accepted>();
        var direcciones = Host.Fake.ReceivedReports.Single().Document.Descendants("persona").Select(p => p.Element("direccion")!).ToList();
        Names(direcciones[0]).Should().Equal("direccion", "direccionComplementaria", "codigoMunicipio", "codigoPostal", "pais");
        direcciones[0].Element("codigoMunicipio")!.Value.Should().Be("28079");
        Names(direcciones[1]).Should().Equal("direccion", "nombreMunicipio", "codigoPostal", "pais");
        Values(direcciones[1]).Should().Equal("221B Baker Street", "London", "NW1 6XE", "GBR");
    }

    [Test]
    public async Task Optional_contract_elements_are_left_out_rather_than_sent_empty()
    {
        await Host.Client.SubmitTravellerReportAsync(Host.Credentials, SesReports.Single(SesReports.SpanishMother), CancellationToken.None);

        var contrato = Host.Fake.ReceivedReports.Single().Document.Descendants("contrato").Single();
        Names(contrato).Should().Equal("referencia", "fechaContrato", "fechaEntrada", "fechaSalida", "numPersonas", "pago");
        Names(contrato.Element("pago")!).Should().Equal("tipoPago");
    }

    [Test]
    public async Task Production_credentials_are_sent_to_the_production_url()
    {
        using var productionOnly = new SesTestHost(productionUrl: "http://127.0.0.1:9/unused");
        var production = productionOnly.Credentials with { Environment = SesEnvironment.Production };

        var act = () => productionOnly.Client.SubmitTravellerReportAsync(production, SesReports.Family, CancellationToken.None);

        (await act.Should().ThrowAsync<SesException>()).Which.Kind.Should().Be(SesErrorKind.Transient);
        productionOnly.Fake.ReceivedReports.Should().BeEmpty();
    }

    private static IEnumerable<string> Names(XElement element) => element.Elements().Select(e => e.Name.LocalName);

    private static IEnumerable<string> Values(XElement element) => element.Elements().Select(e => e.Value);
}
