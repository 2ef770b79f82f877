using Kasify.Application.Ses;
using Kasify.Infrastructure.Ses;
using Kasify.TestFakes.Ses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kasify.UnitTests.Ses;

/// <summary>A real <see cref="ISesClient"/> from <c>AddSes</c>, pointed at a <see cref="FakeSes"/>.</summary>
internal sealed class SesTestHost : IDisposable
{
    public const string LandlordCode = "0000000042";
    public const int TimeoutSeconds = 30;

    private readonly ServiceProvider provider;

    public SesTestHost(string? productionUrl = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ses:TestUrl"] = Fake.Url,
                ["Ses:ProductionUrl"] = productionUrl ?? Fake.Url,
                ["Ses:TimeoutSeconds"] = TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(Time);
        provider = services.AddSes(configuration).BuildServiceProvider();
        Client = provider.GetRequiredService<ISesClient>();
    }

    public FakeSes Fake { get; } = new("kasify-ws-user", "Pa55-w0rd-ses");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 7, 1, 14, 0, 0, TimeSpan.Zero));

    public ISesClient Client { get; }

    public SesCredentials Credentials => new(LandlordCode, Fake.Username, Fake.Password, SesEnvironment.Test);

    public void Dispose()
    {
        provider.Dispose();
        Fake.Dispose();
    }
}
