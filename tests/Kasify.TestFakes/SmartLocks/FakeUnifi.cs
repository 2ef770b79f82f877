using System.Security.Cryptography;
using WireMock;
using WireMock.Server;

namespace Kasify.TestFakes.SmartLocks;

// Stateful fake of a UniFi Access console on one random local port: the developer API
// (/api/v1/developer/…, really port 12445) and the UniFi OS session login + token minting (really port 443)
// (vendors.md §2). Give the client an explicit-port URL (Url) so both go here.
// Assumptions where vendors.md is silent: HTTP 400 for parameter/PIN errors, 404 + CODE_RESOURCE_NOT_FOUND for
// unknown ids, 503 + CODE_SYSTEM_ERROR when down, visitors stay UPCOMING until cancelled.
public sealed partial class FakeUnifi : IDisposable
{
    private const string DeveloperPrefix = "/api/v1/developer/";

    private readonly WireMockServer _server;
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly HashSet<string> _apiTokens = new(StringComparer.Ordinal);
    private readonly List<FakeUnifiDoor> _doors = [];
    private readonly List<FakeUnifiVisitor> _visitors = [];
    private readonly HashSet<string> _otherPins = new(StringComparer.Ordinal);
    private readonly Queue<string> _nextGeneratedPins = new();

    private readonly TimeProvider _time;

    public FakeUnifi(bool useHttps = false, TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _server = WireMockHttp.StartCatchAll(useHttps, _time, HandleAsync);
    }

    public string Url => _server.Urls[0];

    public Uri BaseUri => new(Url);

    // The site's fixed PIN length: 4, 6 or 8.
    public int PinLength { get; set; } = 6;

    public bool IsDown { get; set; }

    /// <summary>Outages and "timeout after success" on command (none by default).</summary>
    public Faults.FaultSwitch Faults { get; } = new();

    public TimeSpan ResponseDelay { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_gate) { return _requests.ToList(); } }
    }

    public IReadOnlyList<FakeUnifiVisitor> Visitors
    {
        get { lock (_gate) { return _visitors.ToList(); } }
    }

    public void AddApiToken(string token)
    {
        lock (_gate) { _apiTokens.Add(token); }
    }

    public void RevokeToken(string token)
    {
        lock (_gate) { _apiTokens.Remove(token); }
    }

    public FakeUnifiDoor AddDoor(string name, string? fullName = null)
    {
        lock (_gate)
        {
            var door = new FakeUnifiDoor { Id = Guid.NewGuid().ToString(), Name = name, FullName = fullName ?? $"UDM - 1F - {name}" };
            _doors.Add(door);
            return door;
        }
    }

    // A PIN held by someone the client cannot see (a console user, a visitor made in the app).
    public void AddExistingPin(string pin)
    {
        lock (_gate) { _otherPins.Add(pin); }
    }

    // The next PIN POST /credentials/pin_codes hands out; otherwise a random free one.
    public void EnqueueGeneratedPin(string pin)
    {
        lock (_gate) { _nextGeneratedPins.Enqueue(pin); }
    }

    public FakeUnifiVisitor? FindVisitor(string id)
    {
        lock (_gate) { return _visitors.FirstOrDefault(v => v.Id == id); }
    }

    public static string HashPin(string pin) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(pin)));

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
            return FakeUnifiEnvelope.Error(503, "CODE_SYSTEM_ERROR", "Service unavailable.");
        }

        if (await Faults.BeforeAsync(() => FakeUnifiEnvelope.Error(503, "CODE_SYSTEM_ERROR", "Service unavailable.")) is { } fault)
        {
            return fault;
        }

        var response = Handle(request);
        await Faults.AfterAsync(request);
        return response;
    }

    private IResponseMessage Handle(RecordedRequest request)
    {
        lock (_gate)
        {
            if (request.Path == "/api/auth/login")
            {
                return request.Method == "POST" ? LogIn(request) : FakeUnifiEnvelope.NotFound();
            }

            if (request.Path == "/proxy/access/api/v1/developer/tokens")
            {
                return request.Method == "POST" ? MintToken(request) : FakeUnifiEnvelope.NotFound();
            }

            if (!request.Path.StartsWith(DeveloperPrefix, StringComparison.Ordinal))
            {
                return FakeUnifiEnvelope.NotFound();
            }

            var token = WireMockHttp.BearerToken(request);
            if (token is null || !_apiTokens.Contains(token))
            {
                return FakeUnifiEnvelope.Unauthorized();
            }

            var segments = request.Path[DeveloperPrefix.Length..].Trim('/').Split('/');
            return RouteDeveloperApi(request, segments);
        }
    }

    private IResponseMessage RouteDeveloperApi(RecordedRequest request, string[] segments) =>
        (request.Method, segments) switch
        {
            ("GET", ["doors"]) => FakeUnifiEnvelope.Success(new System.Text.Json.Nodes.JsonArray(_doors.Select(d => (System.Text.Json.Nodes.JsonNode)DoorJson(d)).ToArray())),
            ("GET", ["doors", var id]) => _doors.FirstOrDefault(d => d.Id == id) is { } door
                ? FakeUnifiEnvelope.Success(DoorJson(door))
                : FakeUnifiEnvelope.NotFound(),
            ("POST", ["visitors"]) => CreateVisitor(request),
            ("GET", ["visitors"]) => ListVisitors(request),
            ("GET", ["visitors", var id]) => WithVisitor(id, v => FakeUnifiEnvelope.Success(VisitorJson(v))),
            ("PUT", ["visitors", var id]) => WithVisitor(id, v => UpdateVisitor(request, v)),
            ("DELETE", ["visitors", var id]) => WithVisitor(id, v => DeleteVisitor(request, v)),
            ("PUT", ["visitors", var id, "pin_codes"]) => WithVisitor(id, v => AssignPin(request, v)),
            ("DELETE", ["visitors", var id, "pin_codes"]) => WithVisitor(id, v => UnassignPin(v)),
            ("POST", ["credentials", "pin_codes"]) => FakeUnifiEnvelope.Success(GeneratePin()),
            _ => FakeUnifiEnvelope.NotFound(),
        };

    private IResponseMessage WithVisitor(string id, Func<FakeUnifiVisitor, IResponseMessage> handle) =>
        _visitors.FirstOrDefault(v => v.Id == id) is { } visitor ? handle(visitor) : FakeUnifiEnvelope.NotFound();

    private static System.Text.Json.Nodes.JsonObject DoorJson(FakeUnifiDoor door) => new()
    {
        ["id"] = door.Id,
        ["name"] = door.Name,
        ["full_name"] = door.FullName,
        ["floor_id"] = door.FloorId,
        ["type"] = "door",
        ["is_bind_hub"] = door.IsBindHub,
        ["door_lock_relay_status"] = door.LockRelayStatus,
        ["door_position_status"] = door.PositionStatus,
    };
}
