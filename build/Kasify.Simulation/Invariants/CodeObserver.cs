using Kasify.Application.AccessCodes;
using Kasify.Simulation.Chaos;
using Kasify.Simulation.World;

namespace Kasify.Simulation.Invariants;

/// <summary>
/// Invariants 1 and 2, looked at after every step on the locks themselves: each confirmed stay has exactly one code on
/// each lock from its provisioning time (lead before check-in) to check-out + grace, keeping its PIN; no code stands
/// outside its stay's window for longer than the sweep period plus the outage that prevented its removal; no duplicates.
/// </summary>
public sealed class CodeObserver(WorldPlan world, ChaosPlan chaos, Vendors vendors)
{
    public static readonly TimeSpan Lead = TimeSpan.FromHours(24);
    public static readonly TimeSpan Grace = TimeSpan.FromHours(1);
    private static readonly TimeSpan Sweep = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan FeedLatency = TimeSpan.FromMinutes(40); // one sync interval, plus the step
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(45);       // back-off of the retry in flight, the step

    private readonly Dictionary<(string Stay, Guid Lock), string?> _pins = [];
    private readonly Dictionary<(string Stay, Guid Lock), bool> _seen = [];
    private readonly Dictionary<string, DateTime> _unknownSince = new(StringComparer.Ordinal);
    private readonly HashSet<(string, Guid)> _checkedPairs = [];
    private readonly List<DateTime> _restarts = [];

    public Invariant Provisioned { get; } = new("1. confirmed stays have one code per lock, in time, same PIN");
    public Invariant OutOfWindow { get; } = new("2. no code outside its window, no duplicates");
    public double WorstProvisioningMinutes { get; private set; }
    public double WorstOutOfWindowMinutes { get; private set; }
    public int CodesSeen => _seen.Count;
    /// <summary>Codes that went live later than their due time for a reason other than a restart (invariant 6 looks for their trace).</summary>
    public List<LateCode> LateCodes { get; } = [];
    /// <summary>When a code is late enough to count as a guest-facing failure: past the sweep period and the step.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(20);

    /// <summary>Every code's due time and how long after it the code was first seen live on its lock.</summary>
    public List<(DateTime Due, TimeSpan Delay)> Provisioning { get; } = [];

    public void Restarted(DateTime at) => _restarts.Add(at);

    public void Observe(DateTime now)
    {
        var codes = LiveCodes.Read(vendors, world);
        var byName = world.Stays.Where(s => s.BookingId is not null)
            .ToDictionary(s => AccessCodeProvisioner.LockNameFor(s.BookingId!.Value), StringComparer.Ordinal);
        CheckStays(now, codes);
        CheckCodes(now, codes, byName);
    }

    private void CheckStays(DateTime now, List<LiveCode> codes)
    {
        var byLockAndName = codes.ToLookup(c => (c.Lock, c.Name));
        foreach (var stay in world.Stays.Where(s => s.IsGuestStay && s.Live && s.BookingId is not null))
        {
            var from = Max(stay.CheckinUtc - Lead, stay.ChangedAt);
            if (now < from || now > stay.CheckoutUtc + Grace - TimeSpan.FromMinutes(10)) continue;
            var name = AccessCodeProvisioner.LockNameFor(stay.BookingId!.Value);
            foreach (var smartLock in stay.Property.Locks)
            {
                var pair = (stay.Key, smartLock.LockId);
                if (_checkedPairs.Add(pair)) Provisioned.Count();
                var mine = byLockAndName[(smartLock, name)].ToList();
                if (mine.Count > 1) OutOfWindow.Violate($"dup:{stay.Key}:{smartLock.LockId}", $"{now:u} {stay.Key} has {mine.Count} codes on {smartLock.Name} of property {stay.Property.Index}");
                if (mine.Count == 0)
                {
                    var allowed = Sweep + Slack + Excused(stay.Property, from - TimeSpan.FromHours(3), now) + (stay.FromFeed ? FeedLatency : TimeSpan.Zero);
                    if (now - from > allowed)
                        Provisioned.Violate($"missing:{stay.Key}:{smartLock.LockId}",
                            $"{now:u} {stay.Key} ({stay.Source}, {stay.From}..{stay.To}) has no code on {smartLock.Vendor} lock {smartLock.Name} of property {stay.Property.Index}, due since {from:u}");
                    continue;
                }
                var pin = mine[0].Pin;
                if (_seen.TryAdd(pair, true))
                {
                    if (stay.ChangedAt <= stay.CheckinUtc - Lead) WorstProvisioningMinutes = Math.Max(WorstProvisioningMinutes, (now - from).TotalMinutes);
                    Provisioning.Add((from, now - from));
                    var late = LateAfter + (stay.FromFeed ? FeedLatency : TimeSpan.Zero) + TimeSpan.FromMinutes(chaos.DownMinutes(ChaosTarget.Feeds, from - TimeSpan.FromHours(3), now));
                    if (now - from > late && !_restarts.Any(r => r >= from - TimeSpan.FromHours(1) && r <= now))
                        LateCodes.Add(new LateCode(stay, smartLock, from, now));
                }
                if (_pins.TryGetValue(pair, out var first) && first != pin && pin is not null && first is not null)
                    Provisioned.Violate($"pin:{stay.Key}:{smartLock.LockId}", $"{now:u} {stay.Key} changed PIN on {smartLock.Name} (moved: {stay.EverMoved}, restored: {stay.EverCancelled})");
                _pins.TryAdd(pair, pin);
            }
        }
    }

    private void CheckCodes(DateTime now, List<LiveCode> codes, Dictionary<string, Stay> byName)
    {
        foreach (var group in codes.GroupBy(c => (c.Lock, c.Name)).Where(g => g.Count() > 1))
            OutOfWindow.Violate($"dup:{group.Key.Name}:{group.Key.Lock.LockId}", $"{now:u} {group.Count()} codes named {group.Key.Name} on {group.Key.Lock.Name} of property {group.First().Property.Index}");

        foreach (var code in codes)
        {
            OutOfWindow.Count();
            if (!byName.TryGetValue(code.Name, out var stay))
            {
                var since = _unknownSince.TryGetValue(code.Name, out var s) ? s : _unknownSince[code.Name] = now;
                if (now - since > TimeSpan.FromHours(2))
                    OutOfWindow.Violate($"unknown:{code.Name}", $"{now:u} code {code.Name} on {code.Lock.Name} of property {code.Property.Index} belongs to no known stay");
                continue;
            }
            var windowEnd = stay.Live ? stay.CheckoutUtc + Grace : stay.ChangedAt;
            if (now <= windowEnd) continue;
            var minutesOut = (now - windowEnd).TotalMinutes;
            var allowed = Sweep + Slack + Excused(stay.Property, windowEnd - TimeSpan.FromHours(1), now)
                          + (!stay.Live && stay.FromFeed ? FeedLatency * 2 : TimeSpan.Zero); // a feed cancellation needs two missed syncs
            WorstOutOfWindowMinutes = Math.Max(WorstOutOfWindowMinutes, minutesOut);
            if (minutesOut > allowed.TotalMinutes)
                OutOfWindow.Violate($"late:{code.Name}:{code.Lock.LockId}",
                    $"{now:u} code of {stay.Key} ({(stay.Live ? "over" : "cancelled")}) still on {code.Lock.Vendor} lock {code.Lock.Name} of property {stay.Property.Index} {minutesOut:F0} min after {windowEnd:u}");
        }
    }

    /// <summary>Time the stay's lock vendor was down, plus a lease (10 min) and a sweep for each restart, in the window.</summary>
    private TimeSpan Excused(SimProperty property, DateTime from, DateTime until)
    {
        var target = property.LockVendor == "nuki" ? ChaosTarget.Nuki : ChaosTarget.Unifi;
        var down = chaos.DownMinutes(target, from, until) + chaos.DownMinutes(ChaosTarget.Feeds, from, until);
        var restarts = _restarts.Count(r => r >= from && r <= until) * 30;
        return TimeSpan.FromMinutes(down + restarts);
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}

public sealed record LateCode(Stay Stay, SimLock Lock, DateTime Due, DateTime SeenAt);
