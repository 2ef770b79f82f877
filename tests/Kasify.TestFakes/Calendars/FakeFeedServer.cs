using System.Globalization;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Kasify.TestFakes.Calendars;

/// <summary>
/// An HTTP server on a random localhost port that serves iCal feeds by path. Each Serve* call replaces what the
/// path answers, so a test can switch a feed from healthy to broken and back.
/// </summary>
public sealed class FakeFeedServer : IDisposable
{
    public const string EmptyCalendar =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//admin.booking.com\\, b.v.//NONSGML v1.0//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n";

    public const string MalformedText = "<!DOCTYPE html><html><body><h1>Oops, something went wrong</h1></body></html>";

    private const string CalendarContentType = "text/calendar; charset=utf-8";

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly Dictionary<string, List<Guid>> _mappingsByPath = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _requestCounts = new(StringComparer.Ordinal);

    public FakeFeedServer()
    {
        // Counted as they arrive, so counting stays cheap (and right) when a long run limits the request log.
        _server.LogEntriesChanged += (_, e) =>
        {
            if (e.Action != System.Collections.Specialized.NotifyCollectionChangedAction.Add || e.NewItems is null) return;
            foreach (WireMock.Logging.ILogEntry entry in e.NewItems) _requestCounts.AddOrUpdate(entry.RequestMessage.Path, 1, (_, n) => n + 1);
        };
    }

    /// <summary>Keeps only the last <paramref name="count"/> requests in the log (a simulation makes hundreds of thousands).</summary>
    public void LimitRequestLog(int count) => _server.SetMaxRequestLogCount(count);

    /// <summary>Base address, e.g. <c>http://localhost:54321</c>.</summary>
    public Uri BaseUrl => new(_server.Url!);

    public Uri UrlFor(string path) => new(BaseUrl, path);

    /// <summary>200 with the body, ETag and Last-Modified; 304 when the request carries a matching validator.</summary>
    public void ServeOk(string path, string body, string etag = "\"v1\"", DateTimeOffset? lastModified = null)
    {
        var lastModifiedText = (lastModified ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
            .ToString("r", CultureInfo.InvariantCulture);
        Replace(
            path,
            Map(
                Request.Create().WithPath(path).UsingGet().WithHeader("If-None-Match", new ExactMatcher(etag)),
                Response.Create().WithStatusCode(304).WithHeader("ETag", etag),
                priority: 1),
            Map(
                Request.Create().WithPath(path).UsingGet().WithHeader("If-Modified-Since", new ExactMatcher(lastModifiedText)),
                Response.Create().WithStatusCode(304).WithHeader("Last-Modified", lastModifiedText),
                priority: 2),
            Map(
                Request.Create().WithPath(path).UsingGet(),
                Response.Create().WithStatusCode(200).WithHeader("Content-Type", CalendarContentType)
                    .WithHeader("ETag", etag).WithHeader("Last-Modified", lastModifiedText).WithBody(body),
                priority: 3));
    }

    public void ServeStatus(string path, int statusCode) =>
        Replace(path, Map(Request.Create().WithPath(path), Response.Create().WithStatusCode(statusCode)));

    /// <summary>A 200 with a valid VCALENDAR and no events — the "sudden empty feed" vendors have been seen to send.</summary>
    public void ServeEmptyCalendar(string path) => ServeBody(path, EmptyCalendar, CalendarContentType);

    public void ServeMalformed(string path) => ServeBody(path, MalformedText, "text/html; charset=utf-8");

    /// <summary>A body of <paramref name="bytes"/> bytes that starts like a calendar and never ends.</summary>
    public void ServeBigBody(string path, int bytes = 10 * 1024 * 1024)
    {
        var head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-PADDING:";
        ServeBody(path, head + new string('x', Math.Max(0, bytes - head.Length)), CalendarContentType);
    }

    public void ServeSlow(string path, TimeSpan delay, string? body = null) =>
        Replace(path, Map(
            Request.Create().WithPath(path),
            Response.Create().WithStatusCode(200).WithHeader("Content-Type", CalendarContentType)
                .WithBody(body ?? EmptyCalendar).WithDelay(delay)));

    /// <summary>The connection breaks without an HTTP answer (what a refused or reset connection looks like to the client).</summary>
    public void ServeConnectionRefused(string path) =>
        Replace(path, Map(Request.Create().WithPath(path), Response.Create().WithFault(FaultType.MALFORMED_RESPONSE_CHUNK)));

    public int RequestCount(string path) => _requestCounts.GetValueOrDefault(path);

    /// <summary>The conditional headers of every request to the path, oldest first.</summary>
    public IReadOnlyList<(string? IfNoneMatch, string? IfModifiedSince)> ConditionalHeaders(string path) =>
        _server.LogEntries
            .Where(entry => entry.RequestMessage.Path == path)
            .Select(entry => (Header(entry.RequestMessage.Headers, "If-None-Match"), Header(entry.RequestMessage.Headers, "If-Modified-Since")))
            .ToList();

    public void Dispose() => _server.Stop();

    private void ServeBody(string path, string body, string contentType) =>
        Replace(path, Map(
            Request.Create().WithPath(path),
            Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(body)));

    private Guid Map(IRequestBuilder request, IResponseBuilder response, int priority = 1)
    {
        var guid = Guid.NewGuid();
        _server.Given(request).WithGuid(guid).AtPriority(priority).RespondWith(response);
        return guid;
    }

    private void Replace(string path, params Guid[] newMappings)
    {
        lock (_mappingsByPath)
        {
            if (_mappingsByPath.TryGetValue(path, out var old))
            {
                // New mappings are already registered; drop the previous behaviour of this path.
                old.ForEach(guid => _server.DeleteMapping(guid));
            }

            _mappingsByPath[path] = [.. newMappings];
        }
    }

    private static string? Header(IDictionary<string, WireMock.Types.WireMockList<string>>? headers, string name) =>
        headers?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
