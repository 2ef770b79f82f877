namespace Kasify.Infrastructure.SmartLocks.Nuki;

internal sealed class NukiOptions
{
    public const string SectionName = "SmartLocks:Nuki";

    public Uri BaseUrl { get; set; } = new("https://api.nuki.io");

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
