namespace Kasify.Application.Integrations;

/// <summary>Timeline kinds of integrations (docs/api.md §7).</summary>
public static class IntegrationActivities
{
    public const string Connected = "integration.connected";
    public const string Failed = "integration.failed";
}
