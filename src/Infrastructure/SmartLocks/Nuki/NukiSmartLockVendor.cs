using System.Globalization;
using Kasify.Application.SmartLocks.Vendors;
using Kasify.Domain.AccessCodes;

namespace Kasify.Infrastructure.SmartLocks.Nuki;

// Nuki Web API (shared/vendors.md §1). Auth create/update/delete are asynchronous on Nuki's side:
// a 2xx only means "accepted", and a created auth has no id until it shows up in GET /smartlock/{id}/auth.
internal sealed class NukiSmartLockVendor(NukiApiClient api) : ISmartLockVendor
{
    private const int KeypadCodeType = 13;
    private const int EveryWeekDay = 127;
    private const string UtcDateFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public string Vendor => SmartLockVendorNames.Nuki;

    public async Task<VendorValidationResult> ValidateAsync(IntegrationCredentials credentials, CancellationToken cancellationToken = default)
    {
        try
        {
            await ListDevicesAsync(credentials, cancellationToken);
            return VendorValidationResult.Ok();
        }
        catch (VendorException ex) when (ex.Kind == VendorErrorKind.Transient)
        {
            return VendorValidationResult.Unavailable(ex.Reason);
        }
        catch (VendorException ex)
        {
            return VendorValidationResult.Rejected(ex.Reason);
        }
    }

    public async Task<IReadOnlyList<VendorDevice>> ListDevicesAsync(
        IntegrationCredentials credentials, CancellationToken cancellationToken = default)
    {
        var smartlocks = await api.GetAsync<List<NukiSmartlock>>(Creds(credentials), "smartlock", cancellationToken);
        return smartlocks.Select(NukiDeviceMapper.ToDevice).ToList();
    }

    public async Task<VendorDevice> GetDeviceStatusAsync(
        IntegrationCredentials credentials, string externalId, CancellationToken cancellationToken = default)
    {
        var smartlock = await api.GetAsync<NukiSmartlock>(Creds(credentials), SmartlockPath(externalId), cancellationToken);
        return NukiDeviceMapper.ToDevice(smartlock);
    }

    public async Task<CodeCreateResult> CreateCodeAsync(
        IntegrationCredentials credentials, string externalId, AccessCodeRequest request, CancellationToken cancellationToken = default)
    {
        var body = new
        {
            type = KeypadCodeType,
            name = request.Name,
            code = ParsePin(request.Pin),
            allowedFromDate = FormatUtc(request.ValidFromUtc),
            allowedUntilDate = FormatUtc(request.ValidUntilUtc),
            allowedWeekDays = EveryWeekDay,
            allowedFromTime = 0,
            allowedUntilTime = 0,
            remoteAllowed = false,
        };
        await api.SendWithoutResultAsync(Creds(credentials), HttpMethod.Put, $"{SmartlockPath(externalId)}/auth", body, cancellationToken);
        return new CodeCreateResult.Pending(request.Pin);
    }

    public async Task<string?> FindCodeAsync(
        IntegrationCredentials credentials, string externalId, string name, CancellationToken cancellationToken = default)
    {
        var auths = await ListKeypadCodesAsync(Creds(credentials), externalId, cancellationToken);
        return auths.FirstOrDefault(a => a.Type == KeypadCodeType && string.Equals(a.Name, name, StringComparison.Ordinal))?.Id;
    }

    public async Task UpdateCodeWindowAsync(
        IntegrationCredentials credentials,
        string externalId,
        string externalCodeId,
        DateTimeOffset validFromUtc,
        DateTimeOffset validUntilUtc,
        CancellationToken cancellationToken = default)
    {
        var nuki = Creds(credentials);
        var path = AuthPath(externalId, externalCodeId);

        // A dates-only update of a keypad code is answered with 422 (vendors.md §1.8),
        // so resend name and code from the current auth.
        var current = await api.GetAsync<NukiAuth>(nuki, path, cancellationToken);
        var body = new
        {
            name = current.Name,
            code = current.Code,
            enabled = current.Enabled,
            remoteAllowed = false,
            allowedFromDate = FormatUtc(validFromUtc),
            allowedUntilDate = FormatUtc(validUntilUtc),
            allowedWeekDays = EveryWeekDay,
            allowedFromTime = 0,
            allowedUntilTime = 0,
        };
        await api.SendWithoutResultAsync(nuki, HttpMethod.Post, path, body, cancellationToken);
    }

    public async Task DeleteCodeAsync(
        IntegrationCredentials credentials, string externalId, string externalCodeId, CancellationToken cancellationToken = default)
    {
        try
        {
            await api.SendWithoutResultAsync(
                Creds(credentials), HttpMethod.Delete, AuthPath(externalId, externalCodeId), body: null, cancellationToken);
        }
        catch (VendorException ex) when (ex.Kind == VendorErrorKind.NotFound)
        {
            // Already gone: deleting is idempotent for our callers.
        }
    }

    public async Task<string> GeneratePinAsync(
        IntegrationCredentials credentials, string externalId, IReadOnlySet<string> pinsInUse, CancellationToken cancellationToken = default)
    {
        var auths = await ListKeypadCodesAsync(Creds(credentials), externalId, cancellationToken);
        var taken = new HashSet<string>(pinsInUse, StringComparer.Ordinal);
        foreach (var code in auths.Where(a => a.Code is not null).Select(a => a.Code!.Value))
        {
            taken.Add(code.ToString(CultureInfo.InvariantCulture));
        }

        return PinRules.GenerateNukiPin(taken);
    }

    private Task<List<NukiAuth>> ListKeypadCodesAsync(NukiCredentials credentials, string externalId, CancellationToken cancellationToken) =>
        api.GetAsync<List<NukiAuth>>(credentials, $"{SmartlockPath(externalId)}/auth?types={KeypadCodeType}", cancellationToken);

    private static NukiCredentials Creds(IntegrationCredentials credentials) =>
        VendorHttp.Expect<NukiCredentials>(credentials, SmartLockVendorNames.Nuki);

    private static string SmartlockPath(string smartlockId) => $"smartlock/{Uri.EscapeDataString(smartlockId)}";

    private static string AuthPath(string smartlockId, string authId) => $"{SmartlockPath(smartlockId)}/auth/{Uri.EscapeDataString(authId)}";

    private static string FormatUtc(DateTimeOffset value) => value.UtcDateTime.ToString(UtcDateFormat, CultureInfo.InvariantCulture);

    // Nuki wants the PIN as a JSON number. Digit-only PINs that break Nuki's rules are still sent,
    // so the host sees Nuki's own message.
    private static long ParsePin(string pin) =>
        long.TryParse(pin, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new VendorException(SmartLockVendorNames.Nuki, VendorErrorKind.Rejected, "A Nuki keypad code must consist of digits only.");
}
