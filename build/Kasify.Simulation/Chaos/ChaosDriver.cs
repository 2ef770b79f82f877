using Kasify.Simulation.World;
using Kasify.TestFakes.Faults;

namespace Kasify.Simulation.Chaos;

/// <summary>Turns the fakes' faults on and off as the clock passes the plan's windows.</summary>
public sealed class ChaosDriver(ChaosPlan plan, Vendors vendors, FeedPublisher publisher, WorldPlan world)
{
    private readonly HashSet<string> _faulted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _glitchedAtCount = new(StringComparer.Ordinal);
    private Outage? _feedOutage;

    public bool Calm { get; set; }

    public bool IsFaulted(string path) => _faulted.Contains(path);

    public void Apply(DateTime previous, DateTime now)
    {
        vendors.Nuki.Faults.Fault = Calm ? VendorFault.None : plan.ActiveOutage(ChaosTarget.Nuki, now)?.Fault ?? VendorFault.None;
        vendors.Unifi.Faults.Fault = Calm ? VendorFault.None : plan.ActiveOutage(ChaosTarget.Unifi, now)?.Fault ?? VendorFault.None;
        vendors.Ses.Faults.Fault = Calm ? VendorFault.None : plan.ActiveOutage(ChaosTarget.Ses, now)?.Fault ?? VendorFault.None;
        ApplyFeedOutage(Calm ? null : plan.ActiveOutage(ChaosTarget.Feeds, now));
        if (_feedOutage is not null || Calm) return;

        foreach (var glitch in plan.Glitches.Where(g => g.At > previous && g.At <= now && !_faulted.Contains(g.Path)))
        {
            var keep = new Random(glitch.Path.Aggregate(17, (h, c) => unchecked(h * 31 + c))); // string.GetHashCode differs per process
            var isAirbnb = glitch.Path == glitch.Property.AirbnbPath;
            Func<Stay, bool> few = _ => !glitch.Empty && keep.NextDouble() < 0.3;
            var body = isAirbnb ? FeedPublisher.AirbnbBody(glitch.Property, few) : FeedPublisher.BookingComBody(glitch.Property, few);
            vendors.Feeds.ServeOk(glitch.Path, body, "\"glitch\"", new DateTimeOffset(now, TimeSpan.Zero));
            _faulted.Add(glitch.Path);
            _glitchedAtCount[glitch.Path] = vendors.Feeds.RequestCount(glitch.Path);
        }
        foreach (var slow in plan.SlowFeeds.Where(s => s.From > previous && s.From <= now && !_faulted.Contains(s.Path)))
        {
            var body = slow.Path == slow.Property.AirbnbPath ? FeedPublisher.AirbnbBody(slow.Property) : FeedPublisher.BookingComBody(slow.Property);
            vendors.Feeds.ServeSlow(slow.Path, TimeSpan.FromMilliseconds(300), body);
            _faulted.Add(slow.Path);
        }
        foreach (var slow in plan.SlowFeeds.Where(s => s.Until > previous && s.Until <= now)) Heal(slow.Path);
    }

    /// <summary>A glitched feed recovers once it was fetched (one bad answer only).</summary>
    public void AfterJobs()
    {
        foreach (var (path, count) in _glitchedAtCount.ToList())
        {
            if (vendors.Feeds.RequestCount(path) <= count) continue;
            _glitchedAtCount.Remove(path);
            Heal(path);
        }
    }

    private void ApplyFeedOutage(Outage? outage)
    {
        if (outage == _feedOutage) return;
        _feedOutage = outage;
        foreach (var path in AllPaths())
        {
            if (outage is null) { Heal(path); continue; }
            switch (outage.Fault)
            {
                case VendorFault.Timeout: vendors.Feeds.ServeSlow(path, Vendors.HangFor + TimeSpan.FromSeconds(1)); break;
                case VendorFault.ConnectionRefused: vendors.Feeds.ServeConnectionRefused(path); break;
                default: vendors.Feeds.ServeStatus(path, 503); break;
            }
            _faulted.Add(path);
            _glitchedAtCount.Remove(path);
        }
    }

    private void Heal(string path)
    {
        _faulted.Remove(path);
        publisher.Invalidate(path);
    }

    private IEnumerable<string> AllPaths() =>
        world.Properties.SelectMany(p => p.BookingComPath is null ? new[] { p.AirbnbPath } : [p.AirbnbPath, p.BookingComPath]);
}
