namespace Kasify.TestFakes.SmartLocks;

// One HTTP request as a fake saw it, for assertions (headers by lower-case name).
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body)
{
    public string? Authorization => Headers.GetValueOrDefault("authorization");

    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}
