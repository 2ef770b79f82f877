namespace Kasify.Simulation.World;

/// <summary>The generated world: properties, their stays and the timed events on them; a pure function of the seed.</summary>
public sealed class WorldPlan
{
    public required IReadOnlyList<SimProperty> Properties { get; init; }
    public required IReadOnlyList<WorldEvent> Events { get; init; }

    public IEnumerable<Stay> Stays => Properties.SelectMany(p => p.Stays);

    public static WorldPlan Generate(int properties, int days, Random random, DateTime start)
    {
        var list = new List<SimProperty>();
        var events = new List<WorldEvent>();
        var firstDay = DateOnly.FromDateTime(start);
        for (var i = 0; i < properties; i++)
        {
            var property = new SimProperty
            {
                Index = i,
                LockVendor = random.NextDouble() < 0.6 ? "nuki" : "unifi",
                BookingComPath = random.NextDouble() < 0.4 ? $"/booking/{i}.ics" : null,
            };
            var locks = random.NextDouble() < 0.2 ? 2 : 1;
            for (var l = 0; l < locks; l++) property.Locks.Add(new SimLock(property.LockVendor, "", l == 0 ? "Front door" : "Gate"));
            list.Add(property);
            GenerateStays(property, random, start, firstDay, firstDay.AddDays(days + 10), events);
        }
        return new WorldPlan { Properties = list, Events = events.OrderBy(e => e.At).ThenBy(e => e.Stay.Key, StringComparer.Ordinal).ToList() };
    }

    private static void GenerateStays(SimProperty property, Random random, DateTime start, DateOnly firstDay, DateOnly lastDay, List<WorldEvent> events)
    {
        var cursor = firstDay.AddDays(-2);
        var n = 0;
        while (cursor < lastDay)
        {
            var gap = random.NextDouble() < 0.35 ? 0 : random.Next(1, 4); // 0: a same-day turnover
            var from = cursor.AddDays(gap);
            var to = from.AddDays(random.Next(1, 7));
            var roll = random.NextDouble();
            var source = property.BookingComPath is not null && roll < 0.12 ? StaySource.BookingComBlock
                : roll < 0.2 ? StaySource.AirbnbBlock
                : roll < 0.4 ? StaySource.Manual
                : StaySource.Airbnb;
            var stay = new Stay { Key = $"P{property.Index:D4}S{n++:D3}{source.ToString()[0]}", Property = property, Source = source, From = from, To = to };
            property.Stays.Add(stay);
            cursor = to;

            var checkinDay = Midnight(from);
            var publishAt = checkinDay.AddDays(-random.Next(1, 29)).AddMinutes(random.Next(0, 24 * 60));
            if (publishAt < start) publishAt = start;
            events.Add(new WorldEvent(publishAt, WorldEventKind.Publish, stay));

            var latestChange = checkinDay.AddDays(-2);
            if (latestChange <= publishAt.AddHours(2)) continue; // last-minute stays are not changed
            if (random.NextDouble() < 0.15)
            {
                var nights = to.DayNumber - from.DayNumber;
                var newTo = random.NextDouble() < 0.5 && nights > 1 ? to.AddDays(-1) : to;
                if (newTo != to) events.Add(new WorldEvent(Between(random, publishAt.AddHours(1), latestChange), WorldEventKind.Move, stay, newTo));
            }
            var cancelChance = stay.IsGuestStay ? 0.1 : 0.3; // blocks come and go more often
            if (random.NextDouble() < cancelChance)
            {
                var cancelAt = Between(random, publishAt.AddHours(1), latestChange);
                events.Add(new WorldEvent(cancelAt, WorldEventKind.Cancel, stay));
                if (random.NextDouble() < 0.4 && cancelAt.AddHours(3) < checkinDay.AddDays(-1))
                    events.Add(new WorldEvent(Between(random, cancelAt.AddHours(3), checkinDay.AddDays(-1)), WorldEventKind.Restore, stay));
            }
        }
    }

    private static DateTime Midnight(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static DateTime Between(Random random, DateTime from, DateTime to) =>
        to <= from ? from : from.AddMinutes(random.Next(0, (int)(to - from).TotalMinutes));
}
