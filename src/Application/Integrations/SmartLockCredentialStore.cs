using System.Text.Json;
using Kasify.Application.Security;
using Kasify.Application.SmartLocks.Vendors;
using Kasify.Domain.Integrations;

namespace Kasify.Application.Integrations;

/// <summary>Encrypts a Nuki or UniFi integration's credentials for storage and reads them back for vendor calls.</summary>
public sealed class SmartLockCredentialStore(ISecretProtector secrets)
{
    public string Protect(IntegrationCredentials credentials) =>
        secrets.Protect(JsonSerializer.Serialize(credentials));

    /// <exception cref="System.Security.Cryptography.CryptographicException">The stored blob cannot be read (key lost).</exception>
    public IntegrationCredentials Read(Integration integration) =>
        JsonSerializer.Deserialize<IntegrationCredentials>(secrets.Unprotect(integration.ProtectedCredentials))
        ?? throw new InvalidOperationException("Empty credentials.");
}
