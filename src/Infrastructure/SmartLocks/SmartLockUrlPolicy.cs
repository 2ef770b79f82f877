using Kasify.Application.SmartLocks.Vendors;
using Kasify.Infrastructure.Net;

namespace Kasify.Infrastructure.SmartLocks;

/// <summary>Save-time check of a UniFi console URL; the connector checks the address again at connect time.</summary>
internal sealed class SmartLockUrlPolicy(SmartLockNetworkSettings settings) : ISmartLockUrlPolicy
{
    public async Task<string?> CheckAsync(Uri url, CancellationToken ct) =>
        await OutboundUrlRules.CheckAsync(url.AbsoluteUri, "console URL", settings.AllowPrivateAddresses, ct) is { } error
            ? $"{error} Set SmartLocks:AllowPrivateAddresses=true if Kasify runs on the console's own network."
            : null;
}
