using System.Diagnostics;
using System.Globalization;

namespace Kasify.Benchmarks.Http;

/// <summary>The real API as an operator runs it: <c>dotnet Kasify.WebApi.dll</c> (Release, Kestrel) in its own process.</summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, TimeSpan startup)
    {
        _process = process;
        StartupToReady = startup;
    }

    public TimeSpan StartupToReady { get; }
    public int Id => _process.Id;

    public static async Task<AppProcess> StartAsync(string webApiDll, int port, IReadOnlyDictionary<string, string> settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(webApiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(webApiDll);
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("The API did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("fail", StringComparison.OrdinalIgnoreCase) == true) Console.WriteLine("  app: " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.WriteLine("  app stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The API exited with {process.ExitCode} while starting.");
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The API was not ready within ten minutes.");
            }
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* not answering yet */ }
            await Task.Delay(20);
        }
        return new AppProcess(process, clock.Elapsed);
    }

    /// <summary>Resident set size now and its peak so far (VmRSS, VmHWM), in MiB.</summary>
    public (long Rss, long Peak) Memory()
    {
        long Read(string field) => File.ReadLines($"/proc/{_process.Id}/status")
            .Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024)
            .Single();
        return (Read("VmRSS"), Read("VmHWM"));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
