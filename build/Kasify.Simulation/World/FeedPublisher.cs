using System.Security.Cryptography;
using System.Text;
using Kasify.TestFakes.Calendars;

namespace Kasify.Simulation.World;

/// <summary>
/// Serves each property's Airbnb and Booking.com feeds from the stays' current truth, with an ETag of the content so
/// an unchanged feed answers 304. A feed under a fault (see Chaos) is left to the chaos driver.
/// </summary>
public sealed class FeedPublisher(FakeFeedServer feeds, TimeProvider clock)
{
    private readonly Dictionary<string, string> _served = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _builtVersion = [];

    public static string AirbnbBody(SimProperty property, Func<Stay, bool>? keep = null)
    {
        var feed = new AirbnbFeed();
        foreach (var stay in FeedStays(property, keep).Where(s => s.Source != StaySource.BookingComBlock))
        {
            if (stay.Source == StaySource.Airbnb) feed.WithReservation(stay.From, stay.To, code: stay.ReservationCode);
            else feed.WithBlock(stay.From, stay.To, uid: stay.FeedUid);
        }
        return feed.Build();
    }

    public static string BookingComBody(SimProperty property, Func<Stay, bool>? keep = null)
    {
        var feed = new BookingComFeed();
        foreach (var stay in FeedStays(property, keep).Where(s => s.Source == StaySource.BookingComBlock))
            feed.WithClosed(stay.From, stay.To, uid: stay.FeedUid);
        return feed.Build();
    }

    /// <summary>Serves the healthy feeds of the property unless <paramref name="faulted"/> says a path is under a fault.</summary>
    public void Publish(SimProperty property, Func<string, bool> faulted)
    {
        var unchanged = _builtVersion.TryGetValue(property.Index, out var built) && built == property.Version;
        if (!unchanged || !_served.ContainsKey(property.AirbnbPath)) Serve(property.AirbnbPath, AirbnbBody(property), faulted);
        if (property.BookingComPath is { } path && (!unchanged || !_served.ContainsKey(path))) Serve(path, BookingComBody(property), faulted);
        _builtVersion[property.Index] = property.Version;
    }

    /// <summary>Forgets what was served, so the next <see cref="Publish"/> serves again (after a fault replaced it).</summary>
    public void Invalidate(string path) => _served.Remove(path);

    private void Serve(string path, string body, Func<string, bool> faulted)
    {
        if (faulted(path) || (_served.TryGetValue(path, out var current) && current == body)) return;
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16] + "\"";
        feeds.ServeOk(path, body, etag, clock.GetUtcNow()); // Last-Modified moves with the content, or If-Modified-Since would 304 a change
        _served[path] = body;
    }

    private static IEnumerable<Stay> FeedStays(SimProperty property, Func<Stay, bool>? keep) =>
        property.Stays.Where(s => s.FromFeed && s.Published && s.Live && (keep is null || keep(s)));
}
