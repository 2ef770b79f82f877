using Microsoft.Extensions.Logging;

namespace Kasify.FunctionalTests.Infrastructure;

/// <summary>
/// With <c>KASIFY_TEST_LOG=/some/file</c>, the API's errors (with their exception) are appended to that file: a 500 in a
/// test otherwise only says "it has been logged".
/// </summary>
internal sealed class ProgressLoggerProvider : ILoggerProvider
{
    private static readonly Lock Writing = new();

    public static string? File => Environment.GetEnvironmentVariable("KASIFY_TEST_LOG") is { Length: > 0 } file ? file : null;

    public ILogger CreateLogger(string categoryName) => new ProgressLogger(categoryName);

    public void Dispose()
    {
    }

    private sealed class ProgressLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || File is not { } file) return;
            lock (Writing) System.IO.File.AppendAllText(file, $"[{logLevel}] {category}: {formatter(state, exception)}\n{exception}\n");
        }
    }
}
