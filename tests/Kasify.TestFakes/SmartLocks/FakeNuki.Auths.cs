using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;

namespace Kasify.TestFakes.SmartLocks;

// Keypad-code create/update/delete with Nuki's validation quirks and asynchronous completion (vendors.md §1.6–1.8).
public sealed partial class FakeNuki
{
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
