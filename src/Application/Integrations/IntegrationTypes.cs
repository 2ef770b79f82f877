namespace Kasify.Application.Integrations;

/// <summary>The vendor keys of <c>/integrations/{type}</c> (docs/api.md §12).</summary>
public static class IntegrationTypes
{
    public const string Ses = "ses";
    public const string Nuki = "nuki";
    public const string Unifi = "unifi";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Ses, Nuki, Unifi], StringComparer.Ordinal);
}
