using System.Text.Json.Serialization;

namespace Kasify.Application.SmartLocks.Vendors;

// Secrets of one integration. Serialise as IntegrationCredentials to get a "vendor" discriminator,
// e.g. JsonSerializer.Serialize<IntegrationCredentials>(credentials), before encrypting at rest.
// Derived records override ToString so an accidental log line never prints a secret.
[JsonPolymorphic(TypeDiscriminatorPropertyName = "vendor")]
[JsonDerivedType(typeof(NukiCredentials), SmartLockVendorNames.Nuki)]
[JsonDerivedType(typeof(UnifiCredentials), SmartLockVendorNames.Unifi)]
public abstract record IntegrationCredentials
{
    [JsonIgnore]
    public abstract string Vendor { get; }
}
