using System.Diagnostics;

namespace Kasify.FunctionalTests.Platform;

/// <summary>
/// The pinned node tools of build/openapi (Redocly CLI, openapi-typescript, TypeScript), installed by
/// <c>npm ci</c> there (.ci/run does it). Missing tools fail the test: the checks they make must never be skipped.
/// </summary>
internal static class NodeTools
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "build", "openapi");

    public static string Bin(string tool)
    {
        var path = Path.Combine(Directory, "node_modules", ".bin", tool);
        if (!File.Exists(path))
            Assert.Fail($"{path} is missing: run `npm ci` in build/openapi (.ci/run does) so the OpenAPI checks can run.");
        return path;
    }

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string tool, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Bin(tool))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} took longer than 3 minutes.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kasify.sln"))) return dir.FullName;
        throw new InvalidOperationException("Kasify.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
