using Kasify.Application.SmartLocks.Vendors;
using Kasify.Infrastructure.SmartLocks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kasify.UnitTests.SmartLocks;

// The real DI registration (AddSmartLockVendors) pointed at the fakes.
internal sealed class SmartLockVendorsTestHost : IDisposable
{
    private readonly ServiceProvider _provider;

    private SmartLockVendorsTestHost(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSmartLockVendors(configuration);
        _provider = services.BuildServiceProvider();
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public ISmartLockVendorRegistry Registry => _provider.GetRequiredService<ISmartLockVendorRegistry>();

    public ISmartLockVendor Nuki => Registry.Get(SmartLockVendorNames.Nuki);

    public ISmartLockVendor Unifi => Registry.Get(SmartLockVendorNames.Unifi);

    public static SmartLockVendorsTestHost Create(string? nukiBaseUrl = null, TimeSpan? timeout = null, bool allowPrivateAddresses = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SmartLocks:Nuki:BaseUrl"] = nukiBaseUrl ?? "http://127.0.0.1:9",
            ["SmartLocks:AllowPrivateAddresses"] = allowPrivateAddresses ? "true" : "false", // the fakes listen on loopback
        };
        if (timeout is { } value)
        {
            settings["SmartLocks:Nuki:Timeout"] = value.ToString("c");
            settings["SmartLocks:Unifi:Timeout"] = value.ToString("c");
        }
        return new SmartLockVendorsTestHost(settings);
    }

    public void Dispose() => _provider.Dispose();
}
