namespace Kasify.Application.SmartLocks.Vendors;

public interface ISmartLockVendorRegistry
{
    IReadOnlyCollection<string> Vendors { get; }

    // vendor is "nuki" or "unifi" (case-insensitive); anything else throws ArgumentException.
    ISmartLockVendor Get(string vendor);
}
