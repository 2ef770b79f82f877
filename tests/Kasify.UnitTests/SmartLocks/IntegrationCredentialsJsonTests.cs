using System.Text.Json;
using Kasify.Application.SmartLocks.Vendors;

namespace Kasify.UnitTests.SmartLocks;

public class IntegrationCredentialsJsonTests
{
    [Test]
    public void Nuki_credentials_round_trip_through_json_with_a_vendor_discriminator()
    {
        IntegrationCredentials original = new NukiCredentials("token-1");

        var json = JsonSerializer.Serialize(original);
        var copy = JsonSerializer.Deserialize<IntegrationCredentials>(json);

        json.Should().Contain("\"vendor\":\"nuki\"");
        copy.Should().Be(original);
    }

    [Test]
    public void Unifi_credentials_round_trip_through_json_with_a_vendor_discriminator()
    {
        IntegrationCredentials original = new UnifiCredentials(new Uri("https://192.168.1.1"), null, "admin", "pw", true);

        var json = JsonSerializer.Serialize(original);
        var copy = JsonSerializer.Deserialize<IntegrationCredentials>(json);

        json.Should().Contain("\"vendor\":\"unifi\"");
        copy.Should().Be(original);
    }
}
