using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kasify.Benchmarks.Http;

internal sealed record CapturedResponse(byte[] Body, string ContentType);

/// <summary>
/// The floor (DESIGN.md §10): a minimal ASP.NET Core app that answers each captured path with the real app's exact
/// response bytes from memory. Whatever Kasify spends beyond it is ours.
/// </summary>
internal sealed class FloorApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FloorApp(WebApplication app) => _app = app;

    public static async Task<FloorApp> StartAsync(int port, IReadOnlyDictionary<string, CapturedResponse> responses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.Run(async context =>
        {
            var key = context.Request.Path + context.Request.QueryString;
            if (!responses.TryGetValue(key, out var response))
            {
                context.Response.StatusCode = 404;
                return;
            }
            context.Response.ContentType = response.ContentType;
            context.Response.ContentLength = response.Body.Length;
            await context.Response.Body.WriteAsync(response.Body);
        });
        await app.StartAsync();
        return new FloorApp(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
