namespace Kasify.Simulation;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        SimulationOptions options;
        try
        {
            options = SimulationOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync("usage: --properties 100 --days 30 --seed 1 --chaos 0.2 --restarts 3 --workers 4 --calendar-load 0 --json");
            return 2;
        }

        var result = await new Simulation(options, Console.Error).RunAsync();
        Console.Write(result.Table());
        if (options.Json) Console.WriteLine(result.Json());
        return result.Passed ? 0 : 1;
    }
}
