using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Benchmarks.Http;

/// <summary>
/// SQL commands per request, counted in-process (the same app, same settings, same database file) by a
/// <see cref="CommandCounter"/>: a count, so unlike req/s it does not depend on the machine's load.
/// </summary>
// Any public type of the API assembly will do: the factory finds the entry point (Program) from it.
internal sealed class SqlCounts(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Kasify.WebApi.Auth.RegisteredUserRequirement>
{
    public CommandCounter Commands { get; } = new();

    /// <summary>Outside the repository's test layout the factory needs to be told where the API's content root is.</summary>
    public static SqlCounts For(IReadOnlyDictionary<string, string> settings, string contentRoot)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_KASIFY_WEBAPI", contentRoot);
        return new SqlCounts(settings);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(Commands));
    }

    /// <summary>
    /// SQL commands, allocated KiB and CPU milliseconds per request, one request at a time after a warm-up. Allocations
    /// are nearly deterministic (client side included, a few KiB); CPU time still depends on the machine's load.
    /// </summary>
    public async Task<RequestCost> PerRequestAsync(string path, string bearer, int requests = 20)
    {
        using var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        for (var i = 0; i < 5; i++) (await client.GetAsync(path)).EnsureSuccessStatusCode(); // warm: JIT, compiled queries, last-seen stamp
        Commands.Reset();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < requests; i++) (await client.GetAsync(path)).EnsureSuccessStatusCode();
        var cpuMs = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        return new RequestCost(Commands.Count / (double)requests, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / requests,
            cpuMs / requests);
    }
}

internal sealed record RequestCost(double SqlCommands, double AllocatedKiB, double CpuMs)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{SqlCommands:F1} SQL, {AllocatedKiB:F0} KiB, {CpuMs:F1} ms CPU");
}
