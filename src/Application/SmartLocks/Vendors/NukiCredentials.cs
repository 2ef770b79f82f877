using System.Text.Json.Serialization;

namespace Kasify.Application.SmartLocks.Vendors;

public sealed record NukiCredentials(string ApiToken) : IntegrationCredentials
{
    [JsonIgnore]
    public override string Vendor => SmartLockVendorNames.Nuki;

    public override string ToString() => "NukiCredentials { ApiToken = *** }";
}
