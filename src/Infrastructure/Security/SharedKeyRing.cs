using Hangfire;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kasify.Infrastructure.Security;

/// <summary>
/// Instances starting together on an empty key ring would each create a key and protect with their own. Another
/// instance looks an unknown key up again only in its first minutes, so later it could not read what the other wrote
/// (cookies, integration secrets) until its ring refreshes, a day later. The first key is therefore created at
/// start-up, once, under a lock every instance shares (Hangfire's storage: database-wide on a server database).
/// Later keys are made ahead of their activation, so every instance has read them before they are used.
/// </summary>
public static class SharedKeyRing
{
    private const string LockName = "kasify:data-protection:first-key";

    public static void EnsureSharedKeyRing(this IServiceProvider services)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        using (connection.AcquireDistributedLock(LockName, TimeSpan.FromMinutes(1)))
        {
            // Data Protection dates its keys by the system clock, not by the application's TimeProvider.
            var now = TimeProvider.System.GetUtcNow();
            if (keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now)) return;
            keys.CreateNewKey(now, now + services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime);
        }
    }
}
