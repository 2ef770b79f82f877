using Kasify.Application.SmartLocks.Vendors;
using Kasify.Infrastructure.SmartLocks;

namespace Kasify.FunctionalTests.AccessCodes;

/// <summary>The real vendors, except that a code create reaches the vendor and then times out on our side (the worst case).</summary>
internal sealed class TimeoutAfterCreateVendors(SmartLockVendorRegistry inner) : ISmartLockVendorRegistry
{
    public int CreatesSent { get; private set; }

    public IReadOnlyCollection<string> Vendors => inner.Vendors;

    public ISmartLockVendor Get(string vendor) => new TimingOutVendor(inner.Get(vendor), this);

    private sealed class TimingOutVendor(ISmartLockVendor real, TimeoutAfterCreateVendors owner) : ISmartLockVendor
    {
        public string Vendor => real.Vendor;

        public Task<VendorValidationResult> ValidateAsync(IntegrationCredentials c, CancellationToken ct = default) => real.ValidateAsync(c, ct);

        public Task<IReadOnlyList<VendorDevice>> ListDevicesAsync(IntegrationCredentials c, CancellationToken ct = default) => real.ListDevicesAsync(c, ct);

        public Task<VendorDevice> GetDeviceStatusAsync(IntegrationCredentials c, string id, CancellationToken ct = default) => real.GetDeviceStatusAsync(c, id, ct);

        public async Task<CodeCreateResult> CreateCodeAsync(IntegrationCredentials c, string id, AccessCodeRequest r, CancellationToken ct = default)
        {
            owner.CreatesSent++;
            await real.CreateCodeAsync(c, id, r, ct);
            throw new VendorException(real.Vendor, VendorErrorKind.Transient, "did not answer in time.", new TaskCanceledException());
        }

        public Task<string?> FindCodeAsync(IntegrationCredentials c, string id, string name, CancellationToken ct = default) => real.FindCodeAsync(c, id, name, ct);

        public Task UpdateCodeWindowAsync(IntegrationCredentials c, string id, string codeId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct = default) =>
            real.UpdateCodeWindowAsync(c, id, codeId, from, until, ct);

        public Task DeleteCodeAsync(IntegrationCredentials c, string id, string codeId, CancellationToken ct = default) => real.DeleteCodeAsync(c, id, codeId, ct);

        public Task<string> GeneratePinAsync(IntegrationCredentials c, string id, IReadOnlySet<string> inUse, CancellationToken ct = default) =>
            real.GeneratePinAsync(c, id, inUse, ct);
    }
}
