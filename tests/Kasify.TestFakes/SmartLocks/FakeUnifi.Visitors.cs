using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;

namespace Kasify.TestFakes.SmartLocks;

// Visitors and PIN codes (vendors.md §2.4, §2.5).
public sealed partial class FakeUnifi
{
    private static readonly string[] VisitReasons = ["Interview", "Business", "Cooperation", "Others"];
    private static readonly string[] StatusByNumber = ["", "UPCOMING", "VISITED", "VISITING", "CANCELLED", "NO_VISIT", "ACTIVE"];

    private IResponseMessage CreateVisitor(RecordedRequest request)
    {
        var body = WireMockHttp.ParseObject(request.Body);
        if (body is null
            || !IsString(body["first_name"]) || !IsString(body["last_name"])
            || !IsNumber(body["start_time"]) || !IsNumber(body["end_time"])
            || !IsString(body["visit_reason"]) || !VisitReasons.Contains(body["visit_reason"]!.GetValue<string>()))
        {
            return FakeUnifiEnvelope.InvalidParams();
        }

        var visitor = new FakeUnifiVisitor
        {
            Id = Guid.NewGuid().ToString(),
            DoorGroupName = $"visitor-{_time.GetUtcNow().ToUnixTimeMilliseconds()}",
        };
        var error = ApplyVisitorFields(visitor, body);
        if (error is not null)
        {
            return error;
        }

        _visitors.Add(visitor);
        return FakeUnifiEnvelope.Success(VisitorJson(visitor));
    }

    private IResponseMessage ListVisitors(RecordedRequest request)
    {
        var query = WireMockHttp.ParseQuery(request.Query);
        var pageNum = query.TryGetValue("page_num", out var p) && int.TryParse(p, out var pn) ? Math.Max(pn, 1) : 1;
        var pageSize = query.TryGetValue("page_size", out var s) && int.TryParse(s, out var ps) ? Math.Max(ps, 1) : 25;

        IEnumerable<FakeUnifiVisitor> matches = _visitors;
        if (query.TryGetValue("keyword", out var keyword) && keyword.Length > 0)
        {
            // keyword is a prefix match on names and disables the status filter.
            matches = matches.Where(v =>
                v.FirstName.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)
                || v.LastName.StartsWith(keyword, StringComparison.OrdinalIgnoreCase));
        }
        else if (query.TryGetValue("status", out var status) && int.TryParse(status, out var statusNumber)
                 && statusNumber > 0 && statusNumber < StatusByNumber.Length)
        {
            matches = matches.Where(v => v.Status == StatusByNumber[statusNumber]);
        }

        var all = matches.ToList();
        var page = all.Skip((pageNum - 1) * pageSize).Take(pageSize).Select(v => (JsonNode)VisitorJson(v)).ToArray();
        return FakeUnifiEnvelope.Success(
            new JsonArray(page),
            new JsonObject { ["page_num"] = pageNum, ["page_size"] = pageSize, ["total"] = all.Count });
    }

    private IResponseMessage UpdateVisitor(RecordedRequest request, FakeUnifiVisitor visitor)
    {
        var body = WireMockHttp.ParseObject(request.Body);
        if (body is null)
        {
            return FakeUnifiEnvelope.InvalidParams();
        }

        if (body["visit_reason"] is { } reason && (!IsString(reason) || !VisitReasons.Contains(reason.GetValue<string>())))
        {
            return FakeUnifiEnvelope.InvalidParams();
        }

        return ApplyVisitorFields(visitor, body) ?? FakeUnifiEnvelope.Success(VisitorJson(visitor));
    }

    private IResponseMessage DeleteVisitor(RecordedRequest request, FakeUnifiVisitor visitor)
    {
        var force = WireMockHttp.ParseQuery(request.Query).TryGetValue("is_force", out var value)
                    && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        if (force)
        {
            _visitors.Remove(visitor);
        }
        else
        {
            visitor.Status = "CANCELLED";
        }

        return FakeUnifiEnvelope.Success(null);
    }

    private IResponseMessage AssignPin(RecordedRequest request, FakeUnifiVisitor visitor)
    {
        var pin = WireMockHttp.ParseObject(request.Body)?["pin_code"] is { } node && IsString(node) ? node.GetValue<string>() : null;
        if (string.IsNullOrEmpty(pin))
        {
            return FakeUnifiEnvelope.InvalidParams();
        }

        if (pin.Length != PinLength)
        {
            return FakeUnifiEnvelope.PinLengthInvalid();
        }

        if (IsPinTaken(pin, except: visitor))
        {
            return FakeUnifiEnvelope.PinAlreadyExists();
        }

        visitor.Pin = pin;
        return WireMockHttp.Json(200, new JsonObject { ["code"] = "SUCCESS", ["msg"] = "success" });
    }

    private IResponseMessage UnassignPin(FakeUnifiVisitor visitor)
    {
        visitor.Pin = null;
        return FakeUnifiEnvelope.Success(null);
    }

    private string GeneratePin()
    {
        if (_nextGeneratedPins.TryDequeue(out var queued))
        {
            return queued;
        }

        while (true)
        {
            var pin = string.Concat(Enumerable.Range(0, PinLength).Select(_ => RandomNumberGenerator.GetInt32(10)));
            if (!IsPinTaken(pin, except: null))
            {
                return pin;
            }
        }
    }

    private bool IsPinTaken(string pin, FakeUnifiVisitor? except) =>
        _otherPins.Contains(pin) || _visitors.Any(v => v != except && v.Pin == pin);

    private IResponseMessage? ApplyVisitorFields(FakeUnifiVisitor visitor, JsonObject body)
    {
        foreach (var (key, value) in body)
        {
            switch (key)
            {
                case "first_name" when IsString(value): visitor.FirstName = value!.GetValue<string>(); break;
                case "last_name" when IsString(value): visitor.LastName = value!.GetValue<string>(); break;
                case "remarks" when IsString(value): visitor.Remarks = value!.GetValue<string>(); break;
                case "visit_reason" when IsString(value): visitor.VisitReason = value!.GetValue<string>(); break;
                case "start_time" when IsNumber(value): visitor.StartTime = value!.GetValue<long>(); break;
                case "end_time" when IsNumber(value): visitor.EndTime = value!.GetValue<long>(); break;
                case "resources" when value is JsonArray resources:
                    visitor.DoorIds.Clear();
                    foreach (var resource in resources.OfType<JsonObject>())
                    {
                        if (!IsString(resource["id"]) || !IsString(resource["type"]))
                        {
                            return FakeUnifiEnvelope.InvalidParams();
                        }
                        visitor.DoorIds.Add(resource["id"]!.GetValue<string>());
                    }
                    break;
                case "first_name" or "last_name" or "start_time" or "end_time" or "resources":
                    return FakeUnifiEnvelope.InvalidParams();
            }
        }

        return null;
    }

    private static JsonObject VisitorJson(FakeUnifiVisitor v)
    {
        var resources = new JsonArray(v.DoorIds.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["name"] = string.Empty, ["type"] = "door" }).ToArray());
        resources.Add(new JsonObject { ["id"] = v.DoorGroupId, ["name"] = v.DoorGroupName, ["type"] = "door_group" });
        return new JsonObject
        {
            ["id"] = v.Id,
            ["first_name"] = v.FirstName,
            ["last_name"] = v.LastName,
            ["status"] = v.Status,
            ["remarks"] = v.Remarks ?? string.Empty,
            ["visit_reason"] = v.VisitReason,
            ["start_time"] = v.StartTime,
            ["end_time"] = v.EndTime,
            ["inviter_id"] = string.Empty,
            ["inviter_name"] = string.Empty,
            ["mobile_phone"] = string.Empty,
            ["email"] = string.Empty,
            ["visitor_company"] = string.Empty,
            ["license_plates"] = new JsonArray(),
            ["nfc_cards"] = new JsonArray(),
            ["pin_code"] = v.Pin is null ? null : new JsonObject { ["token"] = HashPin(v.Pin) },
            ["resources"] = resources,
            ["schedule"] = new JsonObject
            {
                ["id"] = v.Id + "-schedule",
                ["is_default"] = false,
                ["name"] = v.DoorGroupName,
                ["type"] = "access",
                ["weekly"] = new JsonObject(),
            },
            ["schedule_id"] = v.Id + "-schedule",
        };
    }

    private static bool IsString(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String;

    private static bool IsNumber(JsonNode? node) => node?.GetValueKind() == JsonValueKind.Number;
}
