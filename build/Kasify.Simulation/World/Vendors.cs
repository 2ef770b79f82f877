using Kasify.TestFakes.Calendars;
using Kasify.TestFakes.Ses;
using Kasify.TestFakes.SmartLocks;

namespace Kasify.Simulation.World;

/// <summary>The local fakes of every vendor the world talks to (tests/Kasify.TestFakes), started once for the whole run.</summary>
public sealed class Vendors : IDisposable
{
    public FakeNuki Nuki { get; } = new() { PendingMode = NukiPendingMode.Manual };
    public FakeUnifi Unifi { get; } = new(useHttps: true);
    public FakeFeedServer Feeds { get; } = new();
    public FakeSes Ses { get; } = new();

    /// <summary>Client timeouts of the production HTTP clients, and how long a "timeout" outage makes them wait.</summary>
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(5); // generous: the build machine is shared and slow
    public static readonly TimeSpan HangFor = TimeSpan.FromSeconds(5.5);

    public Vendors()
    {
        Nuki.Faults.TimeoutDelay = HangFor;
        Unifi.Faults.TimeoutDelay = HangFor;
        Ses.Faults.TimeoutDelay = HangFor; // the SES client waits 30 s on the creeping clock: about 2.4 s of real time
        foreach (var limit in new Action<int>[] { Nuki.LimitRequestLog, Unifi.LimitRequestLog, Feeds.LimitRequestLog, Ses.LimitRequestLog })
            limit(1000); // a month makes hundreds of thousands of requests; the invariants read the fakes' state, not their logs
    }

    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SmartLocks:Nuki:BaseUrl"] = Nuki.Url,
        ["SmartLocks:Nuki:Timeout"] = ClientTimeout.ToString(),
        ["SmartLocks:Unifi:Timeout"] = ClientTimeout.ToString(),
        ["Calendars:AllowPrivateAddresses"] = "true",
        ["SmartLocks:AllowPrivateAddresses"] = "true", // the fake UniFi console is on loopback
        ["Ses:TestUrl"] = Ses.Url,
        ["Ses:ProductionUrl"] = Ses.Url,
    };

    public void Dispose()
    {
        Nuki.Dispose();
        Unifi.Dispose();
        Feeds.Dispose();
        Ses.Dispose();
    }
}
