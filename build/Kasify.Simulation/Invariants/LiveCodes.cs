using System.Globalization;
using Kasify.Simulation.World;

namespace Kasify.Simulation.Invariants;

/// <summary>A code standing on a lock right now, as the vendor fake records it (not as our database believes).</summary>
public sealed record LiveCode(SimProperty Property, SimLock Lock, string Name, string? Pin, DateTime? ValidUntil);

public static class LiveCodes
{
    public static List<LiveCode> Read(Vendors vendors, WorldPlan world)
    {
        var codes = new List<LiveCode>();
        var visitors = vendors.Unifi.Visitors.Where(v => v.Status != "CANCELLED").ToList();
        foreach (var property in world.Properties)
        {
            foreach (var smartLock in property.Locks.Where(l => l.ExternalId != ""))
            {
                if (smartLock.Vendor == "nuki")
                {
                    codes.AddRange(vendors.Nuki.AuthsOn(long.Parse(smartLock.ExternalId, CultureInfo.InvariantCulture))
                        .Where(a => a.Type == 13)
                        .Select(a => new LiveCode(property, smartLock, a.Name, a.Code?.ToString(CultureInfo.InvariantCulture), ParseUtc(a.AllowedUntilDate))));
                }
                else
                {
                    codes.AddRange(visitors.Where(v => v.DoorIds.Contains(smartLock.ExternalId))
                        .Select(v => new LiveCode(property, smartLock, v.Remarks ?? "", v.Pin, DateTimeOffset.FromUnixTimeSeconds(v.EndTime).UtcDateTime)));
                }
            }
        }
        return codes;
    }

    private static DateTime? ParseUtc(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime;
}
