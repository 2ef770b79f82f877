using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Kasify.Infrastructure.Ses;
using Kasify.TestFakes.Ses;

namespace Kasify.UnitTests.Ses;

/// <summary>The fake itself must refuse what SES documents as invalid, or the client tests prove nothing.</summary>
public sealed class FakeSesValidationTests
{
    private FakeSes fake = null!;
    private HttpClient http = null!;

    [SetUp]
    public void StartFake()
    {
        fake = new FakeSes();
        http = new HttpClient();
    }

    [TearDown]
    public void StopFake()
    {
        http.Dispose();
        fake.Dispose();
    }

    [Test]
    public async Task Persona_elements_out_of_order_are_refused_with_code_10121()
    {
        var inner = FamilyXml();
        var nombre = inner.Descendants("nombre").First();
        nombre.Remove();
        inner.Descendants("apellido1").First().AddAfterSelf(nombre);

        var respuesta = await PostAlta(SesSolicitudPacker.Pack(inner));

        respuesta.ReturnCode.Should().Be("10121");
        respuesta.Description.Should().Contain("persona[1]/nombre: out of order");
        fake.ReceivedReports.Should().ContainSingle().Which.Lote.Should().BeNull();
    }

    [Test]
    public async Task A_missing_required_element_is_refused_with_code_10121()
    {
        var inner = FamilyXml();
        inner.Descendants("fechaEntrada").Single().Remove();

        var respuesta = await PostAlta(SesSolicitudPacker.Pack(inner));

        respuesta.ReturnCode.Should().Be("10121");
        respuesta.Description.Should().Contain("contrato/fechaEntrada: missing");
    }

    [Test]
    public async Task A_zip_with_two_entries_is_refused()
    {
        using var zipBytes = new MemoryStream();
        using (var zip = new ZipArchive(zipBytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "data.xml", "extra.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                await writer.WriteAsync(FamilyXml().ToString());
            }
        }

        var respuesta = await PostAlta(Convert.ToBase64String(zipBytes.ToArray()));

        respuesta.ReturnCode.Should().Be("10121");
        respuesta.Description.Should().Contain("one entry");
    }

    [Test]
    public async Task A_request_without_the_SOAP_content_type_is_refused()
    {
        var envelope = SesSoapRequestBuilder.Comunicacion("0000000042", "A", "PV", SesSolicitudPacker.Pack(FamilyXml()));
        using var request = Request(new StringContent(envelope.ToString(), Encoding.UTF8, "application/json"));

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        fake.ReceivedReports.Should().BeEmpty();
    }

    private static XDocument FamilyXml() => SesTravellerReportXmlBuilder.Build(SesReports.Family);

    private async Task<SesRespuesta> PostAlta(string solicitud)
    {
        var envelope = SesSoapRequestBuilder.Comunicacion("0000000042", "A", "PV", solicitud);
        using var request = Request(new StringContent(envelope.ToString(), Encoding.UTF8, "text/xml"));
        using var response = await http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return SesRespuesta.Read(XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private HttpRequestMessage Request(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, fake.Url) { Content = content };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{fake.Username}:{fake.Password}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        return request;
    }
}
