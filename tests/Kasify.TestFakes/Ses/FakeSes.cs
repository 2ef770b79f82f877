using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Kasify.TestFakes.Ses;

/// <summary>
/// SES.HOSPEDAJES web service on a random local port, as vendors.md §4 documents it: SOAP 1.1 with Basic auth,
/// altas (tipoOperacion A, PV) whose zipped inner XML is checked element by element, lote queries (C) answered
/// per <see cref="ScriptBatch"/>, and catalogue queries.
/// </summary>
public sealed class FakeSes : IDisposable
{
    public const string Path = "/hospedajes-web/ws/v1/comunicacion";
    public const string DataRejectionCode = "10121";
    public const string TransientCode = "10999";

    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Comunicacion = "http://www.soap.servicios.hospedajes.mir.es/comunicacion";
    private static readonly XNamespace Consulta = "http://www.neg.hospedajes.mir.es/consultarComunicacion";

    private readonly WireMockServer server;
    private readonly Lock gate = new();
    private readonly TaskCompletionSource disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<FakeSesReceivedReport> receivedReports = [];
    private readonly List<string> queriedBatches = [];
    private readonly List<string> cancelledBatches = [];
    private TaskCompletionSource heldAnswers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, FakeSesBatchScript> scripts = [];
    private readonly Dictionary<string, int> queryCounts = [];
    private readonly Dictionary<string, int> issuedLotes = [];
    private int catalogueQueries;

    public FakeSes(string username = "kasify-ws-user", string password = "kasify-ws-password")
    {
        Username = username;
        Password = password;
        server = WireMockServer.Start();
        server.Given(Request.Create().WithPath(Path).UsingPost()).RespondWith(Response.Create().WithCallback(HandleAsync));
    }

    public string Url => server.Url + Path;

    public string Username { get; }

    public string Password { get; }

    public FakeSesMode Mode { get; set; } = FakeSesMode.Accept;

    /// <summary>
    /// Failures on command, like the other fakes: 503, timeouts, broken connections, and "timeout after success" for
    /// altas and anulaciones (taken, then the answer comes too late). Off by default.
    /// </summary>
    public Faults.FaultSwitch Faults { get; } = new();

    public string RejectionCode { get; set; } = DataRejectionCode;

    public string RejectionDescription { get; set; } = "Error en los datos de la comunicación";

    public IReadOnlyList<FakeSesReceivedReport> ReceivedReports
    {
        get { lock (gate) { return receivedReports.ToList(); } }
    }

    public IReadOnlyList<string> QueriedBatches
    {
        get { lock (gate) { return queriedBatches.ToList(); } }
    }

    /// <summary>Lotes cancelled with an anulación (tipoOperacion B), in order.</summary>
    public IReadOnlyList<string> CancelledBatches
    {
        get { lock (gate) { return cancelledBatches.ToList(); } }
    }

    /// <summary>Answers the altas held by <see cref="FakeSesMode.AcceptThenHoldAnswer"/> (those whose caller still waits).</summary>
    public void ReleaseHeldAnswers()
    {
        TaskCompletionSource held;
        lock (gate)
        {
            held = heldAnswers;
            heldAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        held.TrySetResult();
    }

    /// <summary>Waits (real time) until the fake has received <paramref name="count"/> altas, e.g. while a caller hangs on a held answer.</summary>
    public async Task WaitForReportsAsync(int count, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (ReceivedReports.Count < count)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"The fake SES received {ReceivedReports.Count} altas, not {count}.");
            await Task.Delay(20);
        }
    }

    public int CatalogueQueries
    {
        get { lock (gate) { return catalogueQueries; } }
    }

    /// <summary>
    /// Sets how queries for <paramref name="lote"/> are answered. Without a script, lotes this fake issued are
    /// processed OK at the first query and unknown lotes get <see cref="DataRejectionCode"/>.
    /// </summary>
    public void ScriptBatch(string lote, FakeSesBatchScript script)
    {
        lock (gate)
        {
            scripts[lote] = script;
            queryCounts[lote] = 0;
        }
    }

    /// <summary>Keeps only the last <paramref name="count"/> requests in WireMock's log (a simulation makes hundreds of thousands).</summary>
    public void LimitRequestLog(int count) => server.SetMaxRequestLogCount(count);

    public void Dispose()
    {
        disposed.TrySetResult();
        server.Stop();
        server.Dispose();
    }

    private async Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        if (Mode == FakeSesMode.NeverAnswers)
        {
            await disposed.Task;
        }

        if (await Faults.BeforeAsync(() => Answer(503, FakeSesAnswers.Fault("Service Unavailable"))) is { } fault)
        {
            return fault;
        }

        var mode = Mode;
        Task held;
        lock (gate)
        {
            held = heldAnswers.Task;
        }

        var response = Handle(request);
        if (mode == FakeSesMode.AcceptThenHoldAnswer && IsAlta(request))
        {
            await Task.WhenAny(held, disposed.Task);
        }

        var body = request.Body ?? Encoding.UTF8.GetString(request.BodyAsBytes ?? []);
        var changes = IsAlta(request) || body.Contains("<tipoOperacion>B</tipoOperacion>", StringComparison.Ordinal);
        await Faults.AfterAsync(new SmartLocks.RecordedRequest(changes ? "POST" : "GET", Path, string.Empty, new Dictionary<string, string>(), null));
        return response;
    }

    private static bool IsAlta(IRequestMessage request) =>
        (request.Body ?? Encoding.UTF8.GetString(request.BodyAsBytes ?? [])).Contains("<tipoOperacion>A</tipoOperacion>", StringComparison.Ordinal);

    private IResponseMessage Handle(IRequestMessage request)
    {
        if (Mode is FakeSesMode.ServiceUnavailable or FakeSesMode.NeverAnswers)
        {
            return Answer(503, FakeSesAnswers.Fault("Service Unavailable"));
        }

        if (!HasValidCredentials(Header(request, "Authorization")))
        {
            return Answer(401, string.Empty);
        }

        if (!IsSoapContentType(Header(request, "Content-Type")))
        {
            return Answer(415, FakeSesAnswers.Fault("Content-Type must be text/xml; charset=utf-8"));
        }

        var operation = TryParseOperation(request.Body ?? Encoding.UTF8.GetString(request.BodyAsBytes ?? []));
        if (operation is null)
        {
            return Answer(500, FakeSesAnswers.Fault("Not a SOAP 1.1 envelope with a body"));
        }

        if (Mode == FakeSesMode.TransientReturnCode)
        {
            return Answer(200, FakeSesAnswers.Comunicacion(TransientCode, "Error temporal, inténtelo más tarde"));
        }

        if (operation.Name == Comunicacion + "catalogoRequest")
        {
            return HandleCatalogue(operation);
        }

        return operation.Name == Comunicacion + "comunicacionRequest"
            ? HandleComunicacion(operation, request)
            : Answer(500, FakeSesAnswers.Fault($"Unknown operation {operation.Name.LocalName}"));
    }

    private IResponseMessage HandleComunicacion(XElement operation, IRequestMessage request)
    {
        var cabecera = operation.Element("peticion")?.Element("cabecera");
        var landlordCode = cabecera?.Element("codigoArrendador")?.Value;
        var application = cabecera?.Element("aplicacion")?.Value;
        var operationType = cabecera?.Element("tipoOperacion")?.Value;
        var communicationType = cabecera?.Element("tipoComunicacion")?.Value;
        if (string.IsNullOrEmpty(landlordCode) || string.IsNullOrEmpty(application) || string.IsNullOrEmpty(operationType))
        {
            return Rejection("cabecera: codigoArrendador, aplicacion and tipoOperacion are required");
        }

        if (!TryUnpack(operation.Element("peticion")?.Element("solicitud")?.Value, out var entryNames, out var inner, out var problem))
        {
            return Rejection(problem);
        }

        return operationType switch
        {
            "A" when communicationType == "PV" => HandleAlta(new FakeSesReceivedReport(
                landlordCode, application, communicationType, Header(request, "Authorization"), Header(request, "Content-Type"), entryNames, inner, null)),
            "A" => Rejection("this fake only takes tipoComunicacion PV"),
            "C" => HandleBatchQuery(inner),
            "B" when communicationType == "PV" => HandleCancellation(inner),
            _ => Rejection($"tipoOperacion {operationType} is not supported by this fake"),
        };
    }

    private IResponseMessage HandleAlta(FakeSesReceivedReport report)
    {
        var errors = FakeSesParteRules.Check(report.Document);
        lock (gate)
        {
            if (Mode == FakeSesMode.RejectData || errors.Count > 0)
            {
                receivedReports.Add(report);
                return Mode == FakeSesMode.RejectData
                    ? Answer(200, FakeSesAnswers.Comunicacion(RejectionCode, RejectionDescription))
                    : Rejection(string.Join("; ", errors));
            }

            var lote = Guid.NewGuid().ToString();
            issuedLotes[lote] = report.Document.Descendants("comunicacion").Count();
            receivedReports.Add(report with { Lote = lote });
            return Answer(200, FakeSesAnswers.Comunicacion("0", "Ok", lote));
        }
    }

    private IResponseMessage HandleBatchQuery(XDocument inner)
    {
        // con:lotes/con:lote is what the spec shows; another client sends codigosLote/lote, so both are read.
        var lotes = inner.Root?.Elements().Where(e => e.Name == Consulta + "lote" || e.Name == "lote").Select(e => e.Value.Trim()).ToList() ?? [];
        if (lotes.Count == 0)
        {
            return Rejection("the consulta lists no lote");
        }

        lock (gate)
        {
            queriedBatches.AddRange(lotes);
            var answers = new List<FakeSesBatchAnswer>();
            foreach (var lote in lotes)
            {
                if (NextBatchAnswer(lote) is not { } answer)
                {
                    return Rejection($"lote {lote} is unknown");
                }

                answers.Add(answer);
            }

            return Answer(200, FakeSesAnswers.Batch(answers));
        }
    }

    // Anulación by lote; the inner XML lists the lote(s) like a consulta, in any namespace.
    private IResponseMessage HandleCancellation(XDocument inner)
    {
        var lotes = inner.Root?.Elements().Where(e => e.Name.LocalName == "lote").Select(e => e.Value.Trim()).ToList() ?? [];
        if (lotes.Count == 0)
        {
            return Rejection("the anulación lists no lote");
        }

        lock (gate)
        {
            var unknown = lotes.FirstOrDefault(l => !issuedLotes.ContainsKey(l) || cancelledBatches.Contains(l));
            if (unknown is not null)
            {
                return Rejection($"lote {unknown} is unknown or already cancelled");
            }

            cancelledBatches.AddRange(lotes);
            return Answer(200, FakeSesAnswers.Comunicacion("0", "Ok"));
        }
    }

    private FakeSesBatchAnswer? NextBatchAnswer(string lote)
    {
        if (!scripts.TryGetValue(lote, out var script))
        {
            if (!issuedLotes.TryGetValue(lote, out var communications))
            {
                return null;
            }

            script = FakeSesBatchScript.Processed(Enumerable.Range(1, communications).Select(i => $"{lote[..8]}-{i}").ToArray());
        }

        var count = queryCounts[lote] = queryCounts.GetValueOrDefault(lote) + 1;
        return count <= script.ProcessingAnswers
            ? new FakeSesBatchAnswer(lote, script.ProcessingState, "Pendiente de tramitar", [], false)
            : new FakeSesBatchAnswer(lote, script.FinalState, script.FinalStateDescription, script.Results, script.MisspellResultTag);
    }

    private IResponseMessage HandleCatalogue(XElement operation)
    {
        var catalogue = operation.Element("peticion")?.Element("catalogo")?.Value;
        if (string.IsNullOrEmpty(catalogue))
        {
            return Rejection("peticion/catalogo is required");
        }

        lock (gate)
        {
            catalogueQueries++;
        }

        return Answer(200, FakeSesAnswers.Catalogue(catalogue));
    }

    private static bool TryUnpack(string? solicitud, out IReadOnlyList<string> entryNames, out XDocument inner, out string problem)
    {
        entryNames = [];
        inner = new XDocument();
        try
        {
            using var zip = new ZipArchive(new MemoryStream(Convert.FromBase64String(solicitud ?? string.Empty)), ZipArchiveMode.Read);
            entryNames = zip.Entries.Select(e => e.FullName).ToList();
            if (zip.Entries.Count != 1)
            {
                problem = $"solicitud must be a zip with one entry, found {zip.Entries.Count}";
                return false;
            }

            using var entry = zip.Entries[0].Open();
            inner = XDocument.Load(entry);
            problem = string.Empty;
            return true;
        }
        catch (Exception exception) when (exception is FormatException or InvalidDataException or XmlException)
        {
            problem = $"solicitud is not Base64 of a zipped XML ({exception.GetType().Name})";
            return false;
        }
    }

    private static XElement? TryParseOperation(string body)
    {
        try
        {
            var envelope = XDocument.Parse(body).Root;
            return envelope?.Name == Soap + "Envelope" ? envelope.Element(Soap + "Body")?.Elements().FirstOrDefault() : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private bool HasValidCredentials(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..])) == $"{Username}:{Password}";
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsSoapContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType, "text/xml", StringComparison.OrdinalIgnoreCase)
        && string.Equals(parsed.CharSet, "utf-8", StringComparison.OrdinalIgnoreCase);

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static IResponseMessage Rejection(string description) =>
        Answer(200, FakeSesAnswers.Comunicacion(DataRejectionCode, description));

    private static ResponseMessage Answer(int status, string body) =>
        new()
        {
            StatusCode = status,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("text/xml;charset=utf-8") },
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
}
