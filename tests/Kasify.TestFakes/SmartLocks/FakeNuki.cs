using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Server;

namespace Kasify.TestFakes.SmartLocks;

// Stateful fake of the Nuki Web API (vendors.md §1) on a random local port.
// Auth create/update/delete answer 204 at once and only take effect later (see PendingMode), like the real API.
// Assumptions where vendors.md is silent: an unknown or foreign smartlock or auth id gets 404; a duplicate PIN gets
// 400 with a detailMessage (status not documented); an update that only changes dates on a keypad code gets 422.
public sealed class FakeNuki : IDisposable
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

        lock (_gate)
        {
            var token = WireMockHttp.BearerToken(request);
            if (token is null || !_tokens.Contains(token))
            {
                return WireMockHttp.Empty(401);
            }

            return Route(request, token);
        }
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

    private IResponseMessage CreateAuth(RecordedRequest request, FakeNukiSmartlock smartlock)
    {
        var body = WireMockHttp.ParseObject(request.Body);
        if (body is null)
        {
            return FakeNukiErrors.InvalidParameter("body", request.Body);
        }

        var type = body["type"]?.GetValue<int>() ?? 0;
        var name = body["name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name))
        {
            return FakeNukiErrors.InvalidParameter("name", name);
        }

        if (body["remoteAllowed"] is null)
        {
            return FakeNukiErrors.InvalidParameter("remoteAllowed", null);
        }

        if (type == KeypadCodeType && !smartlock.HasKeypad)
        {
            return FakeNukiErrors.InvalidParameter("type", "13");
        }

        if (type != KeypadCodeType && body["accountUserId"] is null)
        {
            return FakeNukiErrors.InvalidParameter("accountUserId", null);
        }

        int? code = null;
        if (type == KeypadCodeType)
        {
            var codeError = ValidateCode(body["code"], smartlock.SmartlockId, exceptAuthId: null, out code);
            if (codeError is not null)
            {
                return codeError;
            }

            if (name.Length > MaxKeypadNameLength)
            {
                return FakeNukiErrors.Unprocessable();
            }
        }

        var auth = NewAuth(smartlock.SmartlockId, type, name);
        auth.Code = code;
        ApplyFields(auth, body);
        auth.OperationId = NewObjectId();
        _pending.Add(new PendingOperation(PendingKind.Create, auth, null));
        return WireMockHttp.Empty(204);
    }

    private IResponseMessage HandleOneAuth(RecordedRequest request, FakeNukiSmartlock smartlock, string authId)
    {
        var auth = _auths.FirstOrDefault(a => a.Id == authId && a.SmartlockId == smartlock.SmartlockId);
        if (auth is null)
        {
            return WireMockHttp.Empty(404);
        }

        switch (request.Method)
        {
            case "GET":
                return WireMockHttp.Json(200, AuthJson(auth));
            case "DELETE":
                auth.OperationId = NewObjectId();
                _pending.Add(new PendingOperation(PendingKind.Delete, auth, null));
                return WireMockHttp.Empty(204);
            case "POST":
                return UpdateAuth(request, auth);
            default:
                return WireMockHttp.Empty(405);
        }
    }

    private IResponseMessage UpdateAuth(RecordedRequest request, FakeNukiAuth auth)
    {
        var body = WireMockHttp.ParseObject(request.Body);
        if (body is null)
        {
            return FakeNukiErrors.InvalidParameter("body", request.Body);
        }

        if (auth.Type == KeypadCodeType)
        {
            var onlyDates = body.Count > 0 && body.All(p => p.Key is "allowedFromDate" or "allowedUntilDate");
            if (onlyDates)
            {
                return FakeNukiErrors.Unprocessable();
            }

            if (body.ContainsKey("code"))
            {
                var codeError = ValidateCode(body["code"], auth.SmartlockId, auth.Id, out _);
                if (codeError is not null)
                {
                    return codeError;
                }
            }

            if (body["name"]?.GetValue<string>() is { Length: > MaxKeypadNameLength })
            {
                return FakeNukiErrors.Unprocessable();
            }
        }

        auth.OperationId = NewObjectId();
        _pending.Add(new PendingOperation(PendingKind.Update, auth, body));
        return WireMockHttp.Empty(204);
    }

    private IResponseMessage? ValidateCode(JsonNode? node, long smartlockId, string? exceptAuthId, out int? code)
    {
        code = null;
        var text = node?.GetValueKind() switch
        {
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.String => node.GetValue<string>(),
            _ => null,
        };

        var validFormat = text is { Length: 6 }
            && text.All(c => c is >= '1' and <= '9')
            && !text.StartsWith("12", StringComparison.Ordinal);
        if (!validFormat)
        {
            return FakeNukiErrors.InvalidParameter("code", text);
        }

        var value = int.Parse(text!, CultureInfo.InvariantCulture);
        var taken = _auths
            .Concat(_pending.Where(p => p.Kind == PendingKind.Create).Select(p => p.Auth))
            .Any(a => a.SmartlockId == smartlockId && a.Id != exceptAuthId && a.Code == value);
        if (taken)
        {
            return FakeNukiErrors.InvalidParameter("code", text);
        }

        code = value;
        return null;
    }

    private void AdvancePendingOnListCall()
    {
        if (PendingMode != NukiPendingMode.AfterListCalls)
        {
            return;
        }

        foreach (var operation in _pending.ToList())
        {
            operation.ListCallsSeen++;
            if (operation.ListCallsSeen >= CompleteAfterListCalls)
            {
                Apply(operation);
            }
        }
    }

    private void Apply(PendingOperation operation)
    {
        if (PendingMode == NukiPendingMode.Never)
        {
            return;
        }

        _pending.Remove(operation);
        var auth = operation.Auth;
        auth.OperationId = null;
        switch (operation.Kind)
        {
            case PendingKind.Create:
                _auths.Add(auth);
                break;
            case PendingKind.Update:
                ApplyFields(auth, operation.Changes!);
                auth.UpdateDate = _time.GetUtcNow();
                break;
            case PendingKind.Delete:
                _auths.Remove(auth);
                break;
        }
    }

    private static void ApplyFields(FakeNukiAuth auth, JsonObject body)
    {
        foreach (var (key, value) in body)
        {
            switch (key)
            {
                case "name": auth.Name = value?.GetValue<string>() ?? auth.Name; break;
                case "code" when value is not null:
                    auth.Code = int.Parse(value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(), CultureInfo.InvariantCulture);
                    break;
                case "enabled": auth.Enabled = value?.GetValue<bool>() ?? auth.Enabled; break;
                case "remoteAllowed": auth.RemoteAllowed = value?.GetValue<bool>() ?? false; break;
                case "allowedFromDate": auth.AllowedFromDate = value?.GetValue<string>(); break;
                case "allowedUntilDate": auth.AllowedUntilDate = value?.GetValue<string>(); break;
                case "allowedWeekDays": auth.AllowedWeekDays = value?.GetValue<int>(); break;
                case "allowedFromTime": auth.AllowedFromTime = value?.GetValue<int>(); break;
                case "allowedUntilTime": auth.AllowedUntilTime = value?.GetValue<int>(); break;
                case "accountUserId": auth.AccountUserId = value?.GetValue<int>(); break;
            }
        }
    }

    private FakeNukiAuth NewAuth(long smartlockId, int type, string name)
    {
        var now = _time.GetUtcNow();
        return new FakeNukiAuth
        {
            Id = NewObjectId(),
            SmartlockId = smartlockId,
            Type = type,
            Name = name,
            CreationDate = now,
            UpdateDate = now,
        };
    }

    private static string NewObjectId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private static JsonObject SmartlockJson(FakeNukiSmartlock s) => new()
    {
        ["smartlockId"] = s.SmartlockId,
        ["accountId"] = 1,
        ["authId"] = 1,
        ["name"] = s.Name,
        ["favorite"] = false,
        ["type"] = s.Type,
        ["state"] = new JsonObject
        {
            ["mode"] = 2,
            ["state"] = s.State,
            ["trigger"] = 0,
            ["lastAction"] = 2,
            ["batteryCritical"] = s.BatteryCritical,
            ["batteryCharging"] = false,
            ["batteryCharge"] = s.BatteryCritical ? 5 : 80,
            ["doorState"] = s.DoorState,
            ["nightMode"] = false,
        },
        ["firmwareVersion"] = 197123,
        ["hardwareVersion"] = 1,
        ["serverState"] = s.ServerState,
        ["adminPinState"] = 0,
        ["virtualDevice"] = false,
        ["keyturner"] = s.Type is 0 or 4 or 5,
    };

    private static JsonObject AuthJson(FakeNukiAuth a) => new()
    {
        ["id"] = a.Id,
        ["smartlockId"] = a.SmartlockId,
        ["accountUserId"] = a.AccountUserId,
        ["code"] = a.Code,
        ["type"] = a.Type,
        ["name"] = a.Name,
        ["enabled"] = a.Enabled,
        ["remoteAllowed"] = a.RemoteAllowed,
        ["lockCount"] = 0,
        ["allowedFromDate"] = a.AllowedFromDate,
        ["allowedUntilDate"] = a.AllowedUntilDate,
        ["allowedWeekDays"] = a.AllowedWeekDays,
        ["allowedFromTime"] = a.AllowedFromTime,
        ["allowedUntilTime"] = a.AllowedUntilTime,
        ["creationDate"] = a.CreationDate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["updateDate"] = a.UpdateDate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["operationId"] = a.OperationId,
    };

    private enum PendingKind
    {
        Create,
        Update,
        Delete,
    }

    private sealed class PendingOperation(PendingKind kind, FakeNukiAuth auth, JsonObject? changes)
    {
        public PendingKind Kind { get; } = kind;

        public FakeNukiAuth Auth { get; } = auth;

        public JsonObject? Changes { get; } = changes;

        public int ListCallsSeen { get; set; }
    }
}
