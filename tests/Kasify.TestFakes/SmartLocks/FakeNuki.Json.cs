using System.Globalization;
using System.Text.Json.Nodes;

namespace Kasify.TestFakes.SmartLocks;

// JSON shapes of Smartlock and SmartlockAuth (vendors.md §1.3–1.5).
public sealed partial class FakeNuki
{
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
}
