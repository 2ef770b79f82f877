using Kasify.TestFakes.Calendars;
using Kasify.TestFakes.SmartLocks;

namespace Kasify.Simulation.World;

/// <summary>The local fakes of every vendor the world talks to (tests/Kasify.TestFakes), started once for the whole run.</summary>
public sealed class Vendors : IDisposable
{
    public FakeNuki Nuki { get; } = new() { PendingMode = NukiPendingMode.Manual };
    public FakeUnifi Unifi { get; } = new(useHttps: true);
    public FakeFeedServer Feeds { get; } = new();

    /// <summary>Client timeouts of the production HTTP clients, and how long a "timeout" outage makes them wait.</summary>
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(5); // generous: the build machine is shared and slow
    public static readonly TimeSpan HangFor = TimeSpan.FromSeconds(5.5);

    public Vendors()
    {
        Nuki.Faults.TimeoutDelay = HangFor;
        Unifi.Faults.TimeoutDelay = HangFor;
    }

    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SmartLocks:Nuki:BaseUrl"] = Nuki.Url,
        ["SmartLocks:Nuki:Timeout"] = ClientTimeout.ToString(),
        ["SmartLocks:Unifi:Timeout"] = ClientTimeout.ToString(),
        ["Calendars:AllowPrivateAddresses"] = "true",
        ["SmartLocks:AllowPrivateAddresses"] = "true",
    };

    public void Dispose()
    {
        Nuki.Dispose();
        Unifi.Dispose();
        Feeds.Dispose();
    }
}
