using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Kasify.Benchmarks.Http;

internal sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);

/// <summary>Drives one URL with <c>wrk</c> (Debian package): a fixed number of connections, latency percentiles.</summary>
internal static partial class Load
{
    public static async Task<LoadResult> RunAsync(string url, string? bearer, int connections, int seconds)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s", "--latency", "--timeout", "10s" })
            info.ArgumentList.Add(arg);
        if (bearer is not null)
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add($"Authorization: Bearer {bearer}");
        }
        info.ArgumentList.Add(url);
        using var wrk = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start (apt-get install -y wrk).");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (wrk.ExitCode != 0) throw new InvalidOperationException($"wrk failed: {output} {await wrk.StandardError.ReadToEndAsync()}");

        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        if (SocketErrors().Match(output) is { Success: true } s)
            errors += s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture));
        return new LoadResult(rps, Percentile(output, "50"), Percentile(output, "99"), errors);
    }

    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s*{percent}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
