namespace Kasify.Application.SmartLocks.Vendors;

// Vendor keys as used in integration types and SmartLock.vendor ("nuki", "unifi").
public static class SmartLockVendorNames
{
    public const string Nuki = "nuki";
    public const string Unifi = "unifi";
}
