using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kasify.Benchmarks.Pool;

/// <summary>
/// Serves <c>/feeds/{n}.ics</c> from memory, as a channel would: 200 with the body and an <c>ETag</c>, 304 when the request's
/// <c>If-None-Match</c> is the current ETag. <see cref="NewValidator"/> gives every feed a new ETag over the same bytes, as
/// an export generated on each request does (vendors.md §3.1: Airbnb generates it on request): the next fetch is a 200
/// with an unchanged body.
/// </summary>
internal sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly byte[][] _bodies;
    private string _etag = "\"1\"";
    private int _generation = 1, _ok, _notModified;

    private FeedServer(WebApplication app, byte[][] bodies)
    {
        _app = app;
        _bodies = bodies;
    }

    public required Uri BaseUrl { get; init; }

    public Uri UrlFor(int feed) => new(BaseUrl, $"/feeds/{feed}.ics");

    public static async Task<FeedServer> StartAsync(int port, IEnumerable<string> bodies)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var server = new FeedServer(builder.Build(), bodies.Select(System.Text.Encoding.UTF8.GetBytes).ToArray())
        {
            BaseUrl = new Uri($"http://127.0.0.1:{port}"),
        };
        server._app.MapGet("/feeds/{name}", server.AnswerAsync);
        await server._app.StartAsync();
        return server;
    }

    public void NewValidator() => _etag = $"\"{++_generation}\"";

    /// <summary>200s and 304s served since the last call.</summary>
    public (int Ok, int NotModified) TakeCounts() => (Interlocked.Exchange(ref _ok, 0), Interlocked.Exchange(ref _notModified, 0));

    private async Task AnswerAsync(HttpContext context, string name)
    {
        if (!name.EndsWith(".ics", StringComparison.Ordinal) ||
            !int.TryParse(name[..^4], NumberStyles.None, CultureInfo.InvariantCulture, out var feed) || feed >= _bodies.Length)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var etag = _etag;
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            Interlocked.Increment(ref _notModified);
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        Interlocked.Increment(ref _ok);
        context.Response.ContentType = "text/calendar; charset=utf-8";
        context.Response.ContentLength = _bodies[feed].Length;
        await context.Response.Body.WriteAsync(_bodies[feed]);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
