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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(Commands));
    }

    public async Task<double> PerRequestAsync(string path, string bearer, int requests = 5)
    {
        using var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        (await client.GetAsync(path)).EnsureSuccessStatusCode(); // warm: model, compiled queries, the caller's last-seen stamp
        Commands.Reset();
        for (var i = 0; i < requests; i++) (await client.GetAsync(path)).EnsureSuccessStatusCode();
        return Commands.Count / (double)requests;
    }
}
