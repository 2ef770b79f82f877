using Kasify.Application.SmartLocks.Vendors;

namespace Kasify.Infrastructure.SmartLocks;

internal sealed class SmartLockVendorRegistry(IEnumerable<ISmartLockVendor> vendors) : ISmartLockVendorRegistry
{
    private readonly Dictionary<string, ISmartLockVendor> _vendors =
        vendors.ToDictionary(v => v.Vendor, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Vendors => _vendors.Keys;

    public ISmartLockVendor Get(string vendor) =>
        _vendors.TryGetValue(vendor, out var found)
            ? found
            : throw new ArgumentException($"Unknown smart lock vendor '{vendor}'.", nameof(vendor));
}
