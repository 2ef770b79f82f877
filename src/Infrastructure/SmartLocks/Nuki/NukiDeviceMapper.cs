using Kasify.Application.SmartLocks.Vendors;

namespace Kasify.Infrastructure.SmartLocks.Nuki;

// Nuki numeric codes → vendor-neutral device (shared/vendors.md §1.3, §1.4).
internal static class NukiDeviceMapper
{
    private const int OpenerType = 2;

    public static VendorDevice ToDevice(NukiSmartlock smartlock) => new(
        ExternalId: smartlock.SmartlockId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Name: smartlock.Name ?? string.Empty,
        FullName: null,
        Type: TypeName(smartlock.Type),
        Online: smartlock.ServerState switch { 0 => true, 4 => false, _ => null },
        Locked: smartlock.Type == OpenerType ? null : IsLocked(smartlock.State?.State),
        DoorOpen: smartlock.State?.DoorState switch { 3 => true, 2 => false, _ => null },
        BatteryCritical: smartlock.State?.BatteryCritical,
        RawState: smartlock.Type == OpenerType ? OpenerStateName(smartlock.State?.State) : LockStateName(smartlock.State?.State));

    private static bool? IsLocked(int? state) => state switch
    {
        1 => true,
        3 or 5 or 6 => false,
        _ => null,
    };

    private static string TypeName(int type) => type switch
    {
        0 => "smartlock",
        1 => "box",
        2 => "opener",
        3 => "smartdoor",
        4 => "smartlock3",
        5 => "smartlock5",
        _ => $"type{type}",
    };

    private static string? LockStateName(int? state) => state switch
    {
        null => null,
        0 => "uncalibrated",
        1 => "locked",
        2 => "unlocking",
        3 => "unlocked",
        4 => "locking",
        5 => "unlatched",
        6 => "unlocked_lock_n_go",
        7 => "unlatching",
        224 => "error_wrong_entry_code",
        225 => "error_wrong_fingerprint",
        254 => "motor_blocked",
        _ => "undefined",
    };

    private static string? OpenerStateName(int? state) => state switch
    {
        null => null,
        0 => "untrained",
        1 => "online",
        3 => "ring_to_open_active",
        5 => "open",
        7 => "opening",
        253 => "boot_run",
        _ => "undefined",
    };
}
