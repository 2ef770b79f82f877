using Kasify.Infrastructure.SmartLocks.Unifi;

namespace Kasify.UnitTests.SmartLocks;

public class UnifiEndpointsTests
{
    [TestCase("https://192.168.1.1", "https://192.168.1.1:12445/api/v1/developer/")]
    [TestCase("https://192.168.1.1/", "https://192.168.1.1:12445/api/v1/developer/")]
    [TestCase("https://192.168.1.1:12445", "https://192.168.1.1:12445/api/v1/developer/")]
    [TestCase("https://unifi.example.com:8443/some/path", "https://unifi.example.com:8443/api/v1/developer/")]
    public void The_developer_api_uses_port_12445_unless_the_url_names_another_port(string consoleUrl, string expected) =>
        UnifiEndpoints.DeveloperApiBase(new Uri(consoleUrl)).AbsoluteUri.Should().Be(expected);

    [TestCase("https://192.168.1.1", "https://192.168.1.1/")]
    [TestCase("https://192.168.1.1:12445", "https://192.168.1.1/")]
    [TestCase("https://unifi.example.com:8443", "https://unifi.example.com:8443/")]
    public void The_console_login_uses_the_normal_https_port_unless_the_url_names_another_port(string consoleUrl, string expected) =>
        UnifiEndpoints.ConsoleBase(new Uri(consoleUrl)).AbsoluteUri.Should().Be(expected);
}
