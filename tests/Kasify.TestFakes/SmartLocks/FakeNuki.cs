using System.Globalization;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Server;

namespace Kasify.TestFakes.SmartLocks;

// Stateful fake of the Nuki Web API (vendors.md §1) on a random local port.
// Auth create/update/delete answer 204 at once and only take effect later (see PendingMode), like the real API.
// Assumptions where vendors.md is silent: an unknown or foreign smartlock or auth id gets 404; a duplicate PIN gets
// 400 with a detailMessage (status not documented); an update that only changes dates on a keypad code gets 422.
public sealed partial class FakeNuki : IDisposable
{
    private const int KeypadCodeType = 13;
    private const int MaxKeypadNameLength = 20;

    private readonly WireMockServer _server;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<long, FakeNukiSmartlock> _smartlocks = [];
    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);
    private readonly List<FakeNukiAuth> _auths = [];
    private readonly List<PendingOperation> _pending = [];

    public FakeNuki(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _server = WireMockHttp.StartCatchAll(useHttps: false, _time, HandleAsync);
    }

    public string Url => _server.Urls[0];

    public bool IsDown { get; set; }

    /// <summary>Outages and "timeout after success" on command (none by default).</summary>
    public Faults.FaultSwitch Faults { get; } = new();

    public TimeSpan ResponseDelay { get; set; }

    public NukiPendingMode PendingMode { get; set; } = NukiPendingMode.Manual;

    public int CompleteAfterListCalls { get; set; } = 1;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_gate) { return _requests.ToList(); } }
    }

    public int PendingOperationCount
    {
        get { lock (_gate) { return _pending.Count; } }
    }

    public void AddAccount(string apiToken)
    {
        lock (_gate) { _tokens.Add(apiToken); }
    }

    public void RevokeToken(string apiToken)
    {
        lock (_gate) { _tokens.Remove(apiToken); }
    }

    public FakeNukiSmartlock AddSmartlock(string apiToken, long smartlockId, string name)
    {
        lock (_gate)
        {
            _tokens.Add(apiToken);
            var smartlock = new FakeNukiSmartlock(apiToken, smartlockId, name);
            _smartlocks.Add(smartlockId, smartlock);
            return smartlock;
        }
    }

    // A keypad code that already exists on the lock (visible at once).
    public FakeNukiAuth AddKeypadCode(long smartlockId, string name, int code)
    {
        lock (_gate)
        {
            var auth = NewAuth(smartlockId, KeypadCodeType, name);
            auth.Code = code;
            _auths.Add(auth);
            return auth;
        }
    }

    // Visible auths only (what GET would show), copies are not made: do not mutate during a request.
    public IReadOnlyList<FakeNukiAuth> AuthsOn(long smartlockId)
    {
        lock (_gate) { return _auths.Where(a => a.SmartlockId == smartlockId).ToList(); }
    }

    public void CompletePendingAuths()
    {
        lock (_gate)
        {
            foreach (var operation in _pending.ToList())
            {
                Apply(operation);
            }
        }
    }

    /// <summary>Keeps only the last <paramref name="count"/> requests in WireMock's log (a simulation makes hundreds of thousands).</summary>
    public void LimitRequestLog(int count) => _server.SetMaxRequestLogCount(count);

    public void Dispose() => _server.Stop();

    private async Task<IResponseMessage> HandleAsync(IRequestMessage message)
    {
        var request = WireMockHttp.Record(message);
        lock (_gate) { _requests.Add(request); }

        if (ResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(ResponseDelay);
        }

        if (IsDown)
        {
            return WireMockHttp.Empty(503);
        }

        if (await Faults.BeforeAsync(() => WireMockHttp.Empty(503)) is { } fault)
        {
            return fault;
        }

        IResponseMessage response;
        lock (_gate)
        {
            var token = WireMockHttp.BearerToken(request);
            if (token is null || !_tokens.Contains(token))
            {
                return WireMockHttp.Empty(401);
            }

            response = Route(request, token);
        }

        await Faults.AfterAsync(request);
        return response;
    }

    private IResponseMessage Route(RecordedRequest request, string token)
    {
        var segments = request.Path.Trim('/').Split('/');
        if (segments[0] != "smartlock")
        {
            return WireMockHttp.Empty(404);
        }

        if (segments.Length == 1)
        {
            return request.Method == "GET" ? ListSmartlocks(token) : WireMockHttp.Empty(405);
        }

        if (segments is [_, "auth"])
        {
            return request.Method == "GET" ? ListAuths(request, _smartlocks.Values.Where(s => s.ApiToken == token)) : WireMockHttp.Empty(405);
        }

        if (!long.TryParse(segments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var smartlockId)
            || !_smartlocks.TryGetValue(smartlockId, out var smartlock)
            || smartlock.ApiToken != token)
        {
            return WireMockHttp.Empty(404);
        }

        return (request.Method, segments.Length) switch
        {
            ("GET", 2) => WireMockHttp.Json(200, SmartlockJson(smartlock)),
            ("GET", 3) when segments[2] == "auth" => ListAuths(request, [smartlock]),
            ("PUT", 3) when segments[2] == "auth" => CreateAuth(request, smartlock),
            (_, 4) when segments[2] == "auth" => HandleOneAuth(request, smartlock, segments[3]),
            _ => WireMockHttp.Empty(404),
        };
    }

    private IResponseMessage ListSmartlocks(string token) =>
        WireMockHttp.Json(200, new JsonArray(_smartlocks.Values.Where(s => s.ApiToken == token).Select(s => (JsonNode)SmartlockJson(s)).ToArray()));

    private IResponseMessage ListAuths(RecordedRequest request, IEnumerable<FakeNukiSmartlock> smartlocks)
    {
        AdvancePendingOnListCall();
        var ids = smartlocks.Select(s => s.SmartlockId).ToHashSet();
        var types = WireMockHttp.ParseQuery(request.Query).TryGetValue("types", out var list) && list.Length > 0
            ? list.Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToHashSet()
            : null;
        var auths = _auths.Where(a => ids.Contains(a.SmartlockId) && (types is null || types.Contains(a.Type)));
        return WireMockHttp.Json(200, new JsonArray(auths.Select(a => (JsonNode)AuthJson(a)).ToArray()));
    }
}
