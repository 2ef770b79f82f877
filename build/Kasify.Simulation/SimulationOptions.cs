using System.Globalization;

namespace Kasify.Simulation;

/// <summary>Command line: <c>--properties 100 --days 30 --seed 1 --chaos 0.2 --restarts 3 --workers 4 --calendar-load 0 --json</c> (all optional).</summary>
public sealed record SimulationOptions
{
    public int Properties { get; init; } = 100;
    public int Days { get; init; } = 30;
    public int Seed { get; init; } = 1;
    public double Chaos { get; init; } = 0.2;
    public int Restarts { get; init; } = 3;
    public int Workers { get; init; } = 4;
    /// <summary>Extra calendars all due at one moment near the busiest provisioning time (0: none).</summary>
    public int CalendarLoad { get; init; }
    public bool Json { get; init; }

    public static SimulationOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SimulationOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--properties" => options with { Properties = Positive(Next(), "--properties") },
                "--days" => options with { Days = Positive(Next(), "--days") },
                "--seed" => options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--chaos" => options with { Chaos = Math.Clamp(double.Parse(Next(), CultureInfo.InvariantCulture), 0, 1) },
                "--restarts" => options with { Restarts = Math.Max(0, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--workers" => options with { Workers = Positive(Next(), "--workers") },
                "--calendar-load" => options with { CalendarLoad = Math.Max(0, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--json" => options with { Json = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return options;
    }

    private static int Positive(string text, string name)
    {
        var value = int.Parse(text, CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new ArgumentException($"{name} must be positive.");
    }
}
