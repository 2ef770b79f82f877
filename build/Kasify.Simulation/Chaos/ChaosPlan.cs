using Kasify.Simulation.World;
using Kasify.TestFakes.Faults;

namespace Kasify.Simulation.Chaos;

public enum ChaosTarget { Nuki, Unifi, Feeds, Ses }

/// <summary>A vendor failing from <see cref="From"/> to <see cref="Until"/> in the given way.</summary>
public sealed record Outage(ChaosTarget Target, DateTime From, DateTime Until, VendorFault Fault)
{
    public bool PreventsWork => Fault != VendorFault.TimeoutAfterSuccess;
}

/// <summary>A feed that once comes back empty or with only some of its events, until it is fetched once.</summary>
public sealed record FeedGlitch(SimProperty Property, string Path, DateTime At, bool Empty);

/// <summary>A feed answering slowly (but in time) for a while.</summary>
public sealed record SlowFeed(SimProperty Property, string Path, DateTime From, DateTime Until);

/// <summary>Everything that goes wrong, drawn from the seed and scaled by --chaos.</summary>
public sealed class ChaosPlan
{
    public required IReadOnlyList<Outage> Outages { get; init; }
    public required IReadOnlyList<FeedGlitch> Glitches { get; init; }
    public required IReadOnlyList<SlowFeed> SlowFeeds { get; init; }
    public required IReadOnlySet<int> RestartSteps { get; init; }

    /// <param name="sesRandom">SES outages come from their own stream, so the rest of a seed's plan is what it was before SES.</param>
    public static ChaosPlan Generate(WorldPlan world, int days, double chaos, int restarts, int steps, Random random, Random sesRandom, DateTime start)
    {
        var end = start.AddDays(days);
        var outages = new List<Outage>();
        foreach (var target in new[] { ChaosTarget.Nuki, ChaosTarget.Unifi, ChaosTarget.Feeds })
        {
            var count = (int)Math.Round(chaos * days * 0.6);
            for (var i = 0; i < count; i++)
            {
                var from = start.AddMinutes(random.Next(0, days * 24 * 60));
                var minutes = Math.Exp(random.NextDouble() * Math.Log(240 / 5.0)) * 5; // 5 min .. 4 h, log-uniform
                var fault = random.NextDouble() switch { < 0.5 => VendorFault.ServerError, < 0.75 => VendorFault.Timeout, _ => VendorFault.ConnectionRefused };
                if (fault == VendorFault.Timeout) minutes = Math.Min(minutes, 20); // each timed-out call costs real seconds
                outages.Add(new Outage(target, from, Min(from.AddMinutes(minutes), end), fault));
            }
            if (target == ChaosTarget.Feeds) continue;
            for (var i = 0; i < (int)Math.Round(chaos * days * 0.3); i++)
            {
                var from = start.AddMinutes(random.Next(0, days * 24 * 60));
                outages.Add(new Outage(target, from, Min(from.AddMinutes(random.Next(5, 45)), end), VendorFault.TimeoutAfterSuccess));
            }
        }

        var feeds = world.Properties.SelectMany(p => new[] { (p, p.AirbnbPath) }.Concat(p.BookingComPath is null ? [] : new[] { (p, p.BookingComPath) })).ToList();
        var glitches = new List<FeedGlitch>();
        foreach (var (property, path) in feeds.Where(_ => random.NextDouble() < chaos))
            glitches.Add(new FeedGlitch(property, path, start.AddMinutes(random.Next(60, days * 24 * 60)), random.NextDouble() < 0.5));
        var slow = new List<SlowFeed>();
        foreach (var (property, path) in feeds.Where(_ => random.NextDouble() < chaos / 2))
        {
            var from = start.AddMinutes(random.Next(0, days * 24 * 60));
            slow.Add(new SlowFeed(property, path, from, from.AddMinutes(random.Next(30, 240))));
        }

        var restartSteps = new SortedSet<int>();
        while (restartSteps.Count < Math.Min(restarts, steps / 2)) restartSteps.Add(random.Next(steps / 10, steps * 9 / 10));
        outages.AddRange(SesOutages(days, chaos, sesRandom, start));
        return new ChaosPlan { Outages = outages, Glitches = glitches, SlowFeeds = slow, RestartSteps = restartSteps };
    }

    /// <summary>Minutes in [from, until] when <paramref name="target"/> was down (outages that prevent work), overlaps merged.</summary>
    public double DownMinutes(ChaosTarget target, DateTime from, DateTime until)
    {
        var windows = Outages.Where(o => o.Target == target && o.PreventsWork && o.Until > from && o.From < until)
            .Select(o => (From: Max(o.From, from), Until: Min(o.Until, until))).OrderBy(w => w.From).ToList();
        double total = 0;
        var reached = from;
        foreach (var (f, u) in windows)
        {
            var begin = Max(f, reached);
            if (u > begin) { total += (u - begin).TotalMinutes; reached = u; }
        }
        return total;
    }

    /// <summary>
    /// Like the other vendors, plus (from 3 days on) one outage of 26–30 hours, so that some reports miss their 24-hour
    /// deadline and must show up as <c>ses.report_overdue</c>.
    /// </summary>
    private static IEnumerable<Outage> SesOutages(int days, double chaos, Random random, DateTime start)
    {
        var end = start.AddDays(days);
        for (var i = 0; i < (int)Math.Round(chaos * days * 0.6); i++)
        {
            var from = start.AddMinutes(random.Next(0, days * 24 * 60));
            var minutes = Math.Exp(random.NextDouble() * Math.Log(240 / 5.0)) * 5;
            var fault = random.NextDouble() switch { < 0.5 => VendorFault.ServerError, < 0.75 => VendorFault.Timeout, _ => VendorFault.ConnectionRefused };
            if (fault == VendorFault.Timeout) minutes = Math.Min(minutes, 20);
            yield return new Outage(ChaosTarget.Ses, from, Min(from.AddMinutes(minutes), end), fault);
        }
        for (var i = 0; i < (int)Math.Round(chaos * days * 0.3); i++)
        {
            var from = start.AddMinutes(random.Next(0, days * 24 * 60));
            yield return new Outage(ChaosTarget.Ses, from, Min(from.AddMinutes(random.Next(5, 45)), end), VendorFault.TimeoutAfterSuccess);
        }
        if (chaos > 0 && days >= 3)
        {
            var from = start.AddDays(1).AddMinutes(random.Next(0, (days - 2) * 24 * 60));
            yield return new Outage(ChaosTarget.Ses, from, Min(from.AddHours(random.Next(26, 31)), end), VendorFault.ServerError);
        }
    }

    public Outage? ActiveOutage(ChaosTarget target, DateTime now) =>
        Outages.Where(o => o.Target == target && o.From <= now && now < o.Until).OrderBy(o => o.PreventsWork ? 0 : 1).FirstOrDefault();

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
