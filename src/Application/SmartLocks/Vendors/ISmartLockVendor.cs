namespace Kasify.Application.SmartLocks.Vendors;

// One implementation per vendor, stateless and safe to share: every call takes the integration's
// credentials (NukiCredentials or UnifiCredentials; the wrong kind throws ArgumentException).
// externalId is the Nuki smartlockId or the UniFi door id; externalCodeId is the Nuki auth id
// (24-hex) or the UniFi visitor id.
// Failures throw VendorException, except ValidateAsync which reports them as a result.
public interface ISmartLockVendor
{
    string Vendor { get; }

    Task<VendorValidationResult> ValidateAsync(IntegrationCredentials credentials, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<VendorDevice>> ListDevicesAsync(IntegrationCredentials credentials, CancellationToken cancellationToken = default);

    Task<VendorDevice> GetDeviceStatusAsync(IntegrationCredentials credentials, string externalId, CancellationToken cancellationToken = default);

    Task<CodeCreateResult> CreateCodeAsync(
        IntegrationCredentials credentials, string externalId, AccessCodeRequest request, CancellationToken cancellationToken = default);

    // The id of the code created under this name, or null while it is not (yet) on the lock.
    Task<string?> FindCodeAsync(
        IntegrationCredentials credentials, string externalId, string name, CancellationToken cancellationToken = default);

    Task UpdateCodeWindowAsync(
        IntegrationCredentials credentials,
        string externalId,
        string externalCodeId,
        DateTimeOffset validFromUtc,
        DateTimeOffset validUntilUtc,
        CancellationToken cancellationToken = default);

    // Succeeds when the code is already gone.
    Task DeleteCodeAsync(
        IntegrationCredentials credentials, string externalId, string externalCodeId, CancellationToken cancellationToken = default);

    // A PIN the vendor will accept and that is neither in pinsInUse nor (where the vendor lets us see them) on the lock.
    Task<string> GeneratePinAsync(
        IntegrationCredentials credentials, string externalId, IReadOnlySet<string> pinsInUse, CancellationToken cancellationToken = default);
}
