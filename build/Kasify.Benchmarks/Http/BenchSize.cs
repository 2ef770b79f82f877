using System.Globalization;

namespace Kasify.Benchmarks.Http;

/// <summary>Command-line options of the HTTP benchmark; the defaults are issue 14's one million bookings.</summary>
internal sealed record BenchSize(int Accounts, int PropertiesPerAccount, int BookingsPerProperty, int LargeProperties,
    string? DatabasePath, int Seconds, int Connections, string? Only, bool CountsOnly, string? DumpTo)
{
    public static BenchSize Parse(string[] args)
    {
        var size = new BenchSize(1000, 10, 100, 1000, null, 5, 32, null, false, null);
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => int.Parse(args[++i], CultureInfo.InvariantCulture);
            size = args[i] switch
            {
                "--small" => size with { Accounts = 20, LargeProperties = 100 },
                "--accounts" => size with { Accounts = Next() },
                "--properties" => size with { PropertiesPerAccount = Next() },
                "--bookings" => size with { BookingsPerProperty = Next() },
                "--large-properties" => size with { LargeProperties = Next() },
                "--db" => size with { DatabasePath = Path.GetFullPath(args[++i]) },
                "--seconds" => size with { Seconds = Next() },
                "--connections" => size with { Connections = Next() },
                "--only" => size with { Only = args[++i] },
                "--counts-only" => size with { CountsOnly = true },
                "--dump" => size with { DumpTo = Path.GetFullPath(args[++i]) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --small, --accounts N, --properties N, --bookings N, " +
                                                 "--large-properties N, --db FILE (kept and reused), --seconds N, --connections N, --only TEXT, --counts-only, --dump DIR"),
            };
        }
        return size;
    }

    public long Bookings => ((long)Accounts * PropertiesPerAccount + LargeProperties) * BookingsPerProperty;
}
